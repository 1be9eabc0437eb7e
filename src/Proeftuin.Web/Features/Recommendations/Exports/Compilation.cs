using System.Globalization;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>
/// What an export holds: a title, when it was made, what was selected, and one or more sections — the filtered list is
/// one section, each theme is a section with its synthesis. Exports are in Dutch, the language of the reports.
/// </summary>
public sealed record Compilation(string Title, string Selection, DateTime GeneratedUtc, IReadOnlyList<CompilationSection> Sections)
{
    /// <summary>The Dutch date form dd-mm-jjjj, in every export, the verslag and its file names.</summary>
    public const string DateFormat = "dd-MM-yyyy";

    /// <summary>
    /// The file name without its extension, which the format adds: "aanbevelingen-", the title (unless the title is
    /// "Aanbevelingen" already, which would say it twice) and the moment, e.g. aanbevelingen-regie-per-casus-20261202-1710.
    /// </summary>
    public string FileName => Slug(Title) is var slug && slug.StartsWith(Prefix, StringComparison.Ordinal) && (slug.Length == Prefix.Length || slug[Prefix.Length] == '-')
        ? $"{slug}-{GeneratedUtc:yyyyMMdd-HHmm}"
        : $"{Prefix}-{slug}-{GeneratedUtc:yyyyMMdd-HHmm}";

    private const string Prefix = "aanbevelingen";

    public static string Pillars(CompiledRecommendation r) => string.Join(", ", VisionPillars.Split(r.Pillars).Select(VisionPillars.Dutch));

    public static string Addressees(CompiledRecommendation r) => string.Join(", ", r.AddressedTo.Select(DisciplineNames.Dutch));

    public static string Date(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, AmsterdamTime.Zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Due(DateOnly? due) => due?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Slug(string title)
    {
        var slug = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "export" : slug[..Math.Min(40, slug.Length)].TrimEnd('-');
    }
}

/// <summary>A theme (heading and synthesis) or, for the filtered list, just the recommendations.</summary>
public sealed record CompilationSection(string? Heading, string? Synthesis, IReadOnlyList<CompiledRecommendation> Items);
