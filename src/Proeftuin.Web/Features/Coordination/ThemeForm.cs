using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Which form field a theme's domain error belongs to, so it shows next to that field.</summary>
public static class ThemeForm
{
    public static string FieldOf(string code) => code switch
    {
        "theme.title" => "Title",
        "theme.synthesis" => "Synthesis",
        _ => "Ids",
    };
}
