using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The coordinator's queries over the recommendations of all wijken: filtered, paged, by id. One place, so the page,
/// the follow-up list, the charts and the exports agree on what "the current list" is.
/// </summary>
public sealed class RecommendationCompilation(ProeftuinDbContext db)
{
    public async Task<(int Total, IReadOnlyList<CompiledRecommendation> Items)> PageAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(Sorted(query).Skip((filter.SafePage - 1) * RecommendationFilter.PageSize).Take(RecommendationFilter.PageSize))
            .ToListAsync(cancellationToken);
        return (total, items);
    }

    public async Task<IReadOnlyList<CompiledRecommendation>> AllAsync(RecommendationFilter filter, CancellationToken cancellationToken) =>
        await Project(Sorted(Filtered(filter))).ToListAsync(cancellationToken);

    /// <summary>The open recommendations of the filtered set that someone owns or that have a due date, soonest first.</summary>
    public async Task<IReadOnlyList<CompiledRecommendation>> FollowUpAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var open = new[] { RecommendationStatus.Proposed, RecommendationStatus.Agreed, RecommendationStatus.InProgress };
        var items = await Project(Sorted(Filtered(filter)
                .Where(x => (x.R.OwnerId != null || x.R.DueDate != null) && open.Contains(x.R.Status))))
            .ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.WijkName, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CompiledRecommendation>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Project(Sorted(Rows().Where(x => ids.Contains(x.R.Id)))).ToListAsync(cancellationToken);

    /// <summary>The recommendations made in one meeting, in the order they were made, for the verslag's exports.</summary>
    public async Task<IReadOnlyList<CompiledRecommendation>> ForMeetingAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await Project(Sorted(Rows().Where(x => x.R.MeetingId == meetingId))).ToListAsync(cancellationToken);

    /// <summary>The recommendations made about one case, in every meeting that discussed it, for the case's exports.</summary>
    public async Task<IReadOnlyList<CompiledRecommendation>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        await Project(Sorted(Rows().Where(x => x.R.CaseFileId == caseId))).ToListAsync(cancellationToken);

    /// <summary>Wijk, pillars and date of every recommendation in the filtered set: enough for the matrix and the trend.</summary>
    public async Task<IReadOnlyList<(Guid WijkId, VisionPillar Pillars, DateTime DateUtc)>> FactsAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var facts = await Filtered(filter).Select(x => new { x.R.NeighbourhoodId, x.R.Pillars, x.DateUtc }).ToListAsync(cancellationToken);
        return [.. facts.Select(f => (f.NeighbourhoodId, f.Pillars, f.DateUtc))];
    }

    private IQueryable<RecommendationRow> Filtered(RecommendationFilter filter)
    {
        var query = Rows();
        if (filter.Wijk is { } wijk)
        {
            query = query.Where(x => x.R.NeighbourhoodId == wijk);
        }

        if (filter.From is { } from && AmsterdamTime.ToUtc(from, TimeOnly.MinValue) is { } fromUtc)
        {
            query = query.Where(x => x.DateUtc >= fromUtc);
        }

        // "Up to and including" the day: everything before the next local midnight.
        if (filter.To is { } to && AmsterdamTime.ToUtc(to.AddDays(1), TimeOnly.MinValue) is { } toUtc)
        {
            query = query.Where(x => x.DateUtc < toUtc);
        }

        if (filter.Pillar is { } pillar && pillar != VisionPillar.None)
        {
            query = query.Where(x => (x.R.Pillars & pillar) == pillar);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(x => x.R.Level == level);
        }

        if (filter.Addressee is { } addressee)
        {
            query = query.Where(x => x.R.AddressedTo.Contains(addressee));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.R.Status == status);
        }

        if (filter.Owner is { } owner)
        {
            query = query.Where(x => x.R.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Case-insensitive "contains" on the recommendation's own text; the full-text archive search is elsewhere.
            var text = filter.Text.Trim().ToLowerInvariant();
            query = query.Where(x => x.R.Text.ToLower().Contains(text));
        }

        return query;
    }

    private IQueryable<RecommendationRow> Rows() =>
        from r in db.Recommendations.AsNoTracking()
        join n in db.Neighbourhoods.AsNoTracking() on r.NeighbourhoodId equals n.Id
        join m in db.Meetings.AsNoTracking() on r.MeetingId equals (Guid?)m.Id into meetings
        from m in meetings.DefaultIfEmpty()
        join c in db.CaseFiles.AsNoTracking() on r.CaseFileId equals (Guid?)c.Id into cases
        from c in cases.DefaultIfEmpty()
        join o in db.Professionals.AsNoTracking() on r.OwnerId equals (Guid?)o.Id into owners
        from o in owners.DefaultIfEmpty()
        select new RecommendationRow
        {
            R = r,
            WijkName = n.Name,
            DateUtc = m != null ? m.ScheduledStartUtc : r.CreatedAtUtc,
            CaseCode = c != null ? c.Code : null,
            OwnerName = o != null ? o.DisplayName : null,
        };

    private static IQueryable<RecommendationRow> Sorted(IQueryable<RecommendationRow> rows) =>
        rows.OrderByDescending(x => x.DateUtc).ThenBy(x => x.WijkName).ThenBy(x => x.R.CreatedAtUtc).ThenBy(x => x.R.Id);

    private static IQueryable<CompiledRecommendation> Project(IQueryable<RecommendationRow> rows) =>
        rows.Select(x => new CompiledRecommendation(
            x.R.Id, x.R.Text, x.R.Pillars, x.R.Level, x.R.AddressedTo, x.R.Status, x.R.NeighbourhoodId, x.WijkName, x.DateUtc, x.CaseCode, x.R.OwnerId, x.OwnerName, x.R.DueDate));

    /// <summary>A class with settable members rather than a record, so EF can filter on its members after the projection.</summary>
    private sealed class RecommendationRow
    {
        public Recommendation R { get; init; } = null!;

        public string WijkName { get; init; } = string.Empty;

        public DateTime DateUtc { get; init; }

        public string? CaseCode { get; init; }

        public string? OwnerName { get; init; }
    }
}
