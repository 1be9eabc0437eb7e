using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// The queries over recommendations: the coordinator's (all wijken, filtered, paged, by id), a meeting's (verslag and
/// its exports) and a case's. One place, so the page, the follow-up list, the charts, the verslag and the exports agree
/// on what "the current list" is and on the date of a meeting.
/// </summary>
public sealed class RecommendationCompilation(ProeftuinDbContext db)
{
    /// <summary>How many follow-up rows the workspace shows; the counts above them cover the whole selection.</summary>
    public const int FollowUpLimit = 50;

    /// <summary>
    /// One page of the filtered list and the total. The count and the page's ids come from the slim join (wijk and
    /// meeting only, read from the covering index); the full rows are fetched for those fifty ids alone.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<CompiledRecommendation> Items)> PageAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var query = Filtered(Slim(), filter);
        var total = await query.CountAsync(cancellationToken);
        var ids = await Sorted(query).Skip((filter.SafePage - 1) * RecommendationFilter.PageSize).Take(RecommendationFilter.PageSize)
            .Select(x => x.R.Id).ToListAsync(cancellationToken);
        return (total, ids.Count == 0 ? [] : await ByIdsAsync(ids, cancellationToken));
    }

    public async Task<IReadOnlyList<CompiledRecommendation>> AllAsync(RecommendationFilter filter, CancellationToken cancellationToken) =>
        await Project(Sorted(Filtered(Full(), filter))).ToListAsync(cancellationToken);

    /// <summary>
    /// The open recommendations of the filtered set that someone owns or that have a due date: how many, how many are
    /// overdue, and the first <see cref="FollowUpLimit"/> by due date (overdue first, those without a date last).
    /// </summary>
    public async Task<FollowUp> FollowUpAsync(RecommendationFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var open = Filtered(Slim(), filter).Where(x => (x.R.OwnerId != null || x.R.DueDate != null) && RecommendationStatuses.Open.Contains(x.R.Status));
        var total = await open.CountAsync(cancellationToken);
        var overdue = await open.CountAsync(x => x.R.DueDate != null && x.R.DueDate < today, cancellationToken);
        var ids = await open.OrderBy(x => x.R.DueDate == null).ThenBy(x => x.R.DueDate).ThenBy(x => x.NeighbourhoodName).ThenBy(x => x.R.Id)
            .Take(FollowUpLimit).Select(x => x.R.Id).ToListAsync(cancellationToken);
        var items = ids.Count == 0 ? [] : await ByIdsAsync(ids, cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return new FollowUp(total, overdue, [.. items.OrderBy(i => position[i.Id])]);
    }

    public async Task<IReadOnlyList<CompiledRecommendation>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Project(Sorted(Full().Where(x => ids.Contains(x.R.Id)))).ToListAsync(cancellationToken);

    /// <summary>The recommendations made in one meeting, in the order they were made, for the verslag's exports.</summary>
    public async Task<IReadOnlyList<CompiledRecommendation>> ForMeetingAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await Project(Sorted(Full().Where(x => x.R.MeetingId == meetingId))).ToListAsync(cancellationToken);

    /// <summary>The recommendations made about one case, in every meeting that discussed it, for the case's exports.</summary>
    public async Task<IReadOnlyList<CompiledRecommendation>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        await Project(Sorted(Full().Where(x => x.R.CaseFileId == caseId))).ToListAsync(cancellationToken);

    /// <summary>Per wijk and combination of pillars, how many recommendations of the filtered set: counted by the database.</summary>
    public async Task<IReadOnlyList<(Guid NeighbourhoodId, VisionPillar Pillars, int Count)>> PillarCountsAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var counts = await Filtered(Slim(), filter)
            .GroupBy(x => new { x.R.NeighbourhoodId, x.R.Pillars })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.Pillars, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => (c.NeighbourhoodId, c.Pillars, c.Count))];
    }

    /// <summary>
    /// Per wijk, combination of pillars and level, how many recommendations of the filtered set: the coordinator's
    /// report derives its matrix and its comparisons per pillar, wijk and level from these, counted by the database.
    /// </summary>
    public async Task<IReadOnlyList<(Guid NeighbourhoodId, VisionPillar Pillars, RecommendationLevel Level, int Count)>> ReportCountsAsync(RecommendationFilter filter, CancellationToken cancellationToken)
    {
        var counts = await Filtered(Slim(), filter)
            .GroupBy(x => new { x.R.NeighbourhoodId, x.R.Pillars, x.R.Level })
            .Select(g => new { g.Key.NeighbourhoodId, g.Key.Pillars, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => (c.NeighbourhoodId, c.Pillars, c.Level, c.Count))];
    }

    /// <summary>
    /// How many recommendations of the filtered set per meeting moment since <paramref name="sinceUtc"/>; the database
    /// groups, the months are made in Amsterdam time afterwards (a UTC day does not say which local month it is).
    /// </summary>
    public async Task<IReadOnlyList<(DateTime DateUtc, int Count)>> CountsSinceAsync(RecommendationFilter filter, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var counts = await Filtered(Slim(), filter)
            .Where(x => x.DateUtc >= sinceUtc)
            .GroupBy(x => x.DateUtc)
            .Select(g => new { DateUtc = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => (DateTime.SpecifyKind(c.DateUtc, DateTimeKind.Utc), c.Count))];
    }

    private static IQueryable<RecommendationRow> Filtered(IQueryable<RecommendationRow> rows, RecommendationFilter filter)
    {
        var query = rows;
        if (filter.Neighbourhood is { } neighbourhood)
        {
            query = query.Where(x => x.R.NeighbourhoodId == neighbourhood);
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

    /// <summary>A recommendation with its wijk and date: everything the filters, the order and the counts need.</summary>
    private IQueryable<RecommendationRow> Slim() =>
        from r in db.Recommendations.AsNoTracking()
        join n in db.Neighbourhoods.AsNoTracking() on r.NeighbourhoodId equals n.Id
        join m in db.Meetings.AsNoTracking() on r.MeetingId equals (Guid?)m.Id into meetings
        from m in meetings.DefaultIfEmpty()
        select new RecommendationRow
        {
            R = r,
            NeighbourhoodName = n.Name,
            // The one date of a meeting everywhere (verslag, file names, CSV): the day it was held (Meeting.HeldAtUtc).
            DateUtc = m != null ? (m.StartedAtUtc ?? m.ScheduledStartUtc) : r.CreatedAtUtc,
        };

    /// <summary>The slim row plus the case's code and the owner's name, for the rows that are shown or exported.</summary>
    private IQueryable<RecommendationRow> Full() =>
        from x in Slim()
        join c in db.CaseFiles.AsNoTracking() on x.R.CaseFileId equals (Guid?)c.Id into cases
        from c in cases.DefaultIfEmpty()
        join o in db.Professionals.AsNoTracking() on x.R.OwnerId equals (Guid?)o.Id into owners
        from o in owners.DefaultIfEmpty()
        select new RecommendationRow
        {
            R = x.R,
            NeighbourhoodName = x.NeighbourhoodName,
            DateUtc = x.DateUtc,
            CaseCode = c != null ? c.Code : null,
            OwnerName = o != null ? o.DisplayName : null,
        };

    private static IQueryable<RecommendationRow> Sorted(IQueryable<RecommendationRow> rows) =>
        rows.OrderByDescending(x => x.DateUtc).ThenBy(x => x.NeighbourhoodName).ThenBy(x => x.R.CreatedAtUtc).ThenBy(x => x.R.Id);

    private static IQueryable<CompiledRecommendation> Project(IQueryable<RecommendationRow> rows) =>
        rows.Select(x => new CompiledRecommendation
        {
            Recommendation = x.R,
            NeighbourhoodName = x.NeighbourhoodName,
            DateUtc = x.DateUtc,
            CaseCode = x.CaseCode,
            OwnerName = x.OwnerName,
        });

    /// <summary>A class with settable members rather than a record, so EF can filter on its members after the projection.</summary>
    private sealed class RecommendationRow
    {
        public Recommendation R { get; init; } = null!;

        public string NeighbourhoodName { get; init; } = string.Empty;

        public DateTime DateUtc { get; init; }

        public string? CaseCode { get; init; }

        public string? OwnerName { get; init; }
    }
}

/// <summary>The follow-up overview: totals over the whole selection and the first rows by due date.</summary>
public sealed record FollowUp(int Total, int Overdue, IReadOnlyList<CompiledRecommendation> Items);
