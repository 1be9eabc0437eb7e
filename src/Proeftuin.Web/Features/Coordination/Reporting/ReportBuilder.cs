using System.Globalization;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// Puts <see cref="ReportFigures"/> in words, tables and charts in the current UI language: the page in the
/// coordinator's language, the exports in Dutch (their endpoints build it under nl-NL). Pillars keep their colours from
/// <see cref="PillarPalette"/>; the two periods are two greys, darker for the later one.
/// </summary>
public sealed class ReportBuilder(ReportFigures figures, IStringLocalizer<ReportText> text, IStringLocalizer<CoordinationText> names, TimeProvider time)
{
    /// <summary>The colours of period A and period B in the comparison charts (both above 3:1 on white).</summary>
    public static readonly string[] PeriodColours = ["#8c8c8c", "#2b2b2b"];

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));

    public string Label(ReportPeriod period) => text[$"Half{period.Half}", period.Year];

    public async Task<CoordinatorReport> BuildAsync(ReportPeriod a, ReportPeriod b, CancellationToken cancellationToken)
    {
        var today = Today(time);
        var loaded = await figures.LoadAsync(a, b, today, cancellationToken);
        var (la, lb) = (Label(a), Label(b));
        var wijken = loaded.Neighbourhoods;
        var pillarSeries = VisionPillars.Each.Select(p => new ChartSeries(names[$"Pillar_{p}"], PillarPalette.Of(p).Strong)).ToList();
        var periodSeries = new List<ChartSeries> { new(la, PeriodColours[0]), new(lb, PeriodColours[1]) };

        var sections = new List<ReportSection>
        {
            new("matrix", text["Section_matrix"], [MatrixChart("matrix-a", la, loaded.A), MatrixChart("matrix-b", lb, loaded.B)],
                [MatrixTable("matrix-a", la, loaded.A), MatrixTable("matrix-b", lb, loaded.B)]),
            Comparison("pillars", la, lb, periodSeries, [.. VisionPillars.Each.Select(p => (names[$"Pillar_{p}"].Value, loaded.A.Of(p), loaded.B.Of(p)))],
                text["ColumnPillar"], pillarChart: ("pillars", pillarSeries, loaded)),
            Comparison("wijken", la, lb, periodSeries, [.. wijken.Select(w => (w.Name, loaded.A.Of(w.Id), loaded.B.Of(w.Id)))], text["ColumnWijk"]),
            Comparison("levels", la, lb, periodSeries, [.. Enum.GetValues<RecommendationLevel>().Select(l => (names[$"Level_{l}"].Value, loaded.A.Of(l), loaded.B.Of(l)))], text["ColumnLevel"]),
            Evaluations(a, b, la, lb, periodSeries, loaded),
            new("agreements", text["Section_agreements"], [], [Agreements(loaded)]),
            new("themes", text["Section_themes"], [], [Themes(la, lb, loaded.Themes)]),
        };

        return new CoordinatorReport(a, b, text["Title"], text["Subtitle", la, lb], time.GetUtcNow().UtcDateTime, sections, loaded.Themes, loaded.HeldBack);

        ReportChart MatrixChart(string id, string label, PeriodCounts counts) =>
            new(id, text["ChartMatrix", label], text["ChartMatrixDescription", label, string.Join("; ", wijken.Select(w =>
                    w.Name + ": " + string.Join(", ", VisionPillars.Each.Select(p => $"{names[$"Pillar_{p}"]} {counts.Of(w.Id, p)}"))))],
                pillarSeries, [.. wijken.Select(w => new ChartGroup(w.Name, [.. VisionPillars.Each.Select(p => (double)counts.Of(w.Id, p))]))]);

        ReportTable MatrixTable(string key, string label, PeriodCounts counts) =>
            new(key, text["TableMatrix", label], [text["ColumnPillar"], .. wijken.Select(w => w.Name)],
                [.. VisionPillars.Each.Select(p => (IReadOnlyList<string>)[names[$"Pillar_{p}"], .. wijken.Select(w => Count(counts.Of(w.Id, p)))])],
                text["NoWijken"]);
    }

    /// <summary>A section comparing A and B per row: a chart (bars per period, or for pillars a group per period) and a table with the change.</summary>
    private ReportSection Comparison(
        string key, string la, string lb, IReadOnlyList<ChartSeries> periodSeries, IReadOnlyList<(string Name, int A, int B)> rows, string firstColumn,
        (string Id, IReadOnlyList<ChartSeries> Series, LoadedFigures Loaded)? pillarChart = null)
    {
        var description = text["ChartComparisonDescription", la, lb, string.Join("; ", rows.Select(r => $"{r.Name}: {r.A} → {r.B}"))];
        var chart = pillarChart is { } p
            ? new ReportChart(p.Id, text[$"Chart_{key}", la, lb], description, p.Series,
                [new ChartGroup(la, [.. VisionPillars.Each.Select(x => (double)p.Loaded.A.Of(x))]), new ChartGroup(lb, [.. VisionPillars.Each.Select(x => (double)p.Loaded.B.Of(x))])])
            : new ReportChart(key, text[$"Chart_{key}", la, lb], description, periodSeries, [.. rows.Select(r => new ChartGroup(r.Name, [r.A, r.B]))]);
        var table = new ReportTable(key, text[$"Table_{key}"], [firstColumn, la, lb, text["ColumnChange"]],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Count(r.A), Count(r.B), Change(r.B - r.A)])], text["NoRows"]);
        return new ReportSection(key, text[$"Section_{key}"], [chart], [table]);
    }

    private ReportSection Evaluations(ReportPeriod a, ReportPeriod b, string la, string lb, IReadOnlyList<ChartSeries> periodSeries, LoadedFigures loaded)
    {
        var rows = loaded.Neighbourhoods.Select(w =>
        {
            var inA = loaded.Evaluations.Where(e => e.NeighbourhoodId == w.Id && a.Contains(e.HeldUtc)).Select(e => e.Score).ToList();
            var inB = loaded.Evaluations.Where(e => e.NeighbourhoodId == w.Id && b.Contains(e.HeldUtc)).Select(e => e.Score).ToList();
            return (w.Name, A: inA.Count == 0 ? (double?)null : inA.Average(), CountA: inA.Count, B: inB.Count == 0 ? (double?)null : inB.Average(), CountB: inB.Count);
        }).ToList();
        var chart = new ReportChart("evaluations", text["Chart_evaluations", la, lb],
            text["ChartComparisonDescription", la, lb, string.Join("; ", rows.Select(r => $"{r.Name}: {Average(r.A)} → {Average(r.B)}"))],
            periodSeries, [.. rows.Select(r => new ChartGroup(r.Name, [r.A ?? 0, r.B ?? 0]))], "0.0");
        var table = new ReportTable("evaluations", text["Table_evaluations"],
            [text["ColumnWijk"], text["ColumnAverage", la], text["ColumnEvaluations", la], text["ColumnAverage", lb], text["ColumnEvaluations", lb], text["ColumnChange"]],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Average(r.A), Count(r.CountA), Average(r.B), Count(r.CountB),
                r.A is { } x && r.B is { } y ? (y - x).ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) : "—"])],
            text["NoRows"]);
        var names = loaded.Neighbourhoods.ToDictionary(w => w.Id, w => w.Name);
        var remarks = new ReportTable("remarks", text["Table_remarks"], [text["ColumnWijk"], text["ColumnPeriod"], text["ColumnRemark"]],
            [.. loaded.Evaluations.Where(e => e.Remark is not null)
                .Select(e => (IReadOnlyList<string>)[names.GetValueOrDefault(e.NeighbourhoodId, "?"), a.Contains(e.HeldUtc) ? la : lb, e.Remark!])],
            text["NoRemarks"]);
        return new ReportSection("evaluations", text["Section_evaluations"], [chart], [table, remarks]);
    }

    private ReportTable Agreements(LoadedFigures loaded)
    {
        var wijk = loaded.Neighbourhoods.ToDictionary(w => w.Id, w => w.Name);
        return new ReportTable("agreements", text["Table_agreements"],
            [text["ColumnWijk"], text["ColumnAgreement"], text["ColumnAdopted"], text["ColumnStatus"], text["ColumnReviewDate"], text["ColumnReviewDue"]],
            [.. loaded.Agreements.Select(x => (IReadOnlyList<string>)[wijk.GetValueOrDefault(x.NeighbourhoodId, "?"), x.Title, Date(x.AdoptedUtc),
                text[$"Agreement_{x.Status}"], x.ReviewDate.ToString(DateFormat, CultureInfo.InvariantCulture), x.ReviewDue ? text["Yes"] : text["No"]])],
            text["NoAgreements"]);
    }

    private ReportTable Themes(string la, string lb, IReadOnlyList<ReportTheme> themes) =>
        new("themes", text["Table_themes"], [text["ColumnTheme"], text["ColumnInPeriod", la], text["ColumnInPeriod", lb], text["ColumnSynthesis"]],
            [.. themes.Select(t => (IReadOnlyList<string>)[t.Title, Count(t.InA), Count(t.InB), t.Synthesis ?? string.Empty])], text["NoThemes"]);

    private const string DateFormat = "dd-MM-yyyy";

    private static string Date(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, AmsterdamTime.Zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Change(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Average(double? value) => value?.ToString("0.0", CultureInfo.CurrentCulture) ?? "—";
}
