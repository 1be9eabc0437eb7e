using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Forms;
using Proeftuin.Web.Infrastructure.Localization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The coordinator's workspace: the recommendations of every wijk, filtered and paged, the pillar × wijk matrix, the
/// trend per month and the follow-up list. It shows recommendation text and case codes, never case text.
/// </summary>
public sealed class IndexModel(ProeftuinDbContext db, WorkspaceQueries queries, CoordinatorGate gate, AuditLog audit, TimeProvider time, IStringLocalizer<CoordinationText> text) : PageModel
{
    public RecommendationFilter Filter { get; private set; } = new();

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + RecommendationFilter.PageSize - 1) / RecommendationFilter.PageSize);

    public IReadOnlyList<CompiledRecommendation> Items { get; private set; } = [];

    public FollowUp FollowUp { get; private set; } = new(0, 0, []);

    public IReadOnlyList<(Guid Id, string Name)> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Owners { get; private set; } = [];

    public IReadOnlyList<(Guid NeighbourhoodId, string NeighbourhoodName, IReadOnlyList<int> PerPillar)> Matrix { get; private set; } = [];

    public IReadOnlyList<(DateOnly Month, int Count)> Trend { get; private set; } = [];

    public BarChart MatrixChart { get; private set; } = null!;

    public BarChart TrendChart { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] RecommendationFilter filter, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("read", "CoordinatorWorkspace", null, cancellationToken))
        {
            return Forbid();
        }

        // A filter value that does not parse (a hand-edited URL) is dropped with one plain message, not the binder's.
        ModelState.ReplaceBindingErrors(text["FilterInvalid"]);
        Filter = filter;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));
        Neighbourhoods = [.. (await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).Select(n => new { n.Id, n.Name }).ToListAsync(cancellationToken)).Select(n => (n.Id, n.Name))];
        Owners = await OwnersAsync(db, cancellationToken);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var figures = await queries.LoadAsync(filter, Today, nowUtc, cancellationToken);
        (Total, Items, FollowUp) = (figures.Total, figures.Items, figures.FollowUp);

        var pillarNames = VisionPillars.Each.Select(p => text[$"Pillar_{p}"].Value).ToList();
        Matrix = RecommendationStatistics.Matrix(figures.PillarCounts, Neighbourhoods);
        MatrixChart = new BarChart("matrix-chart", text["MatrixChartTitle"], text["MatrixChartDescription", DescribeMatrix(pillarNames)], pillarNames,
            [.. Matrix.Select(m => new BarGroup(m.NeighbourhoodName, m.PerPillar))]);
        Trend = RecommendationStatistics.Trend(figures.TrendCounts, nowUtc);
        TrendChart = new BarChart("trend-chart", text["TrendChartTitle"],
            text["TrendChartDescription", string.Join(", ", Trend.Select(t => $"{RecommendationStatistics.MonthLabel(t.Month)}: {t.Count}"))],
            [text["TrendSeries"].Value], [.. Trend.Select(t => new BarGroup(RecommendationStatistics.MonthLabel(t.Month), [t.Count]))]);

        await audit.RecordAsync(new AuditEvent("read", "success", "CoordinatorWorkspace", filter.ToQueryString(), Role: CoordinatorGate.Role), cancellationToken);
        return Page();
    }

    public string FormatDate(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, AmsterdamTime.Zone).ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>Everyone who owns a recommendation, for the owner filter.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(ProeftuinDbContext db, CancellationToken cancellationToken)
    {
        var owners = await db.Professionals.AsNoTracking()
            .Where(p => db.Recommendations.Any(r => r.OwnerId == p.Id))
            .OrderBy(p => p.DisplayName)
            .Select(p => new { p.Id, p.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. owners.Select(o => (o.Id, o.DisplayName))];
    }

    private string DescribeMatrix(IReadOnlyList<string> pillarNames) =>
        string.Join("; ", Matrix.Select(m => m.NeighbourhoodName + ": " + string.Join(", ", m.PerPillar.Select((count, i) => $"{pillarNames[i]} {count}"))));
}
