using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>Helpers: what the detector flags in a text, as (category, text) pairs.</summary>
internal static class Scan
{
    public static IReadOnlyList<(Category Category, string Text)> Of(string text) =>
        [.. AnonymizationDetector.Default.Scan(text).Select(f => (f.Category, f.TextIn(text)))];

    public static IReadOnlyList<string> Texts(string text, Category category) =>
        [.. Of(text).Where(f => f.Category == category).Select(f => f.Text)];
}
