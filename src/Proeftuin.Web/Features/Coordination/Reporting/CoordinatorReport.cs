namespace Proeftuin.Web.Features.Coordination;

/// <summary>Marker type for the report's texts in Resources/Features.Coordination.ReportText*.resx.</summary>
public sealed class ReportText;

/// <summary>
/// A table of the report: the same rows on the page, in the Word document, on the print page and as its own CSV.
/// The first column names the row (a pillar, a wijk, …). <see cref="Key"/> is its CSV name.
/// </summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Empty);

/// <summary>A theme with its synthesis (Markdown) and how many of its recommendations fall in each period.</summary>
public sealed record ReportTheme(string Title, string? Synthesis, int InA, int InB);

/// <summary>A part of the report under one heading: its charts, then its tables.</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<ReportChart> Charts, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// The coordinator's report over two periods, side by side: recommendations per pillar × wijk, per pillar, per wijk and
/// per level; the meetings' evaluations per wijk with their remarks (never who gave them); the wijkafspraken and their
/// review; the themes with their syntheses. Every free text in it passed the anonymisation guard: what did not is left
/// out and counted in <see cref="HeldBack"/>.
/// </summary>
public sealed record CoordinatorReport(
    ReportPeriod A,
    ReportPeriod B,
    string Title,
    string Subtitle,
    DateTime GeneratedUtc,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportTheme> Themes,
    int HeldBack)
{
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables);

    public IEnumerable<ReportChart> Charts => Sections.SelectMany(s => s.Charts);

    public ReportTable? Table(string key) => Tables.FirstOrDefault(t => t.Key == key);

    /// <summary>The file name without extension: rapportage-2025-h2-2026-h1.</summary>
    public string FileName => $"rapportage-{A.Key.ToLowerInvariant()}-{B.Key.ToLowerInvariant()}";
}
