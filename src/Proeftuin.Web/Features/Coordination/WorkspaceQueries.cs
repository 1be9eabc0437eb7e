using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// Everything the workspace page asks the database, asked at once: the list, the follow-up, the matrix and the trend
/// each run on their own context (a DbContext serves one query at a time), so the page waits for the slowest rather
/// than the sum. SQLite's reads are synchronous under their async face, hence each on the thread pool.
/// </summary>
public sealed class WorkspaceQueries(IDbContextFactory<ProeftuinDbContext> contexts)
{
    public async Task<WorkspaceFigures> LoadAsync(RecommendationFilter filter, DateOnly today, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var page = Run(c => c.PageAsync(filter, cancellationToken), cancellationToken);
        var followUp = Run(c => c.FollowUpAsync(filter, today, cancellationToken), cancellationToken);
        var pillars = Run(c => c.PillarCountsAsync(filter, cancellationToken), cancellationToken);
        var trend = Run(c => c.CountsSinceAsync(filter, RecommendationStatistics.TrendStartUtc(nowUtc), cancellationToken), cancellationToken);
        await Task.WhenAll(page, followUp, pillars, trend);
        var (total, items) = await page;
        return new WorkspaceFigures(total, items, await followUp, await pillars, await trend);
    }

    private Task<T> Run<T>(Func<RecommendationCompilation, Task<T>> query, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await query(new RecommendationCompilation(db));
            },
            cancellationToken);
}

/// <summary>The workspace's numbers for one filter: a page of the list with the total, the follow-up, and the counts behind the charts.</summary>
public sealed record WorkspaceFigures(
    int Total,
    IReadOnlyList<CompiledRecommendation> Items,
    FollowUp FollowUp,
    IReadOnlyList<(Guid NeighbourhoodId, VisionPillar Pillars, int Count)> PillarCounts,
    IReadOnlyList<(DateTime DateUtc, int Count)> TrendCounts);
