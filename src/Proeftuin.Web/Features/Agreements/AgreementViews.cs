using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>A wijkafspraak as the register shows it: with its owner's name and the recommendations it came from.</summary>
public sealed record AgreementView(
    Guid Id,
    string Title,
    string Text,
    AgreementStatus Status,
    string? OwnerName,
    DateOnly ReviewDate,
    bool ReviewDue,
    IReadOnlyList<AgreementSource> Sources,
    int Revisions);

/// <summary>A recommendation an agreement came from, with its status now (it may have been followed up since).</summary>
public sealed record AgreementSource(Guid RecommendationId, string Text, DateTime MeetingStartUtc, Core.Recommendations.RecommendationStatus Status);

internal static class AgreementViews
{
    public static async Task<IReadOnlyList<AgreementView>> ForNeighbourhoodAsync(ProeftuinDbContext db, Guid neighbourhoodId, DateOnly today, CancellationToken cancellationToken)
    {
        var agreements = await db.NeighbourhoodAgreements.AsNoTracking()
            .Where(a => a.NeighbourhoodId == neighbourhoodId)
            .ToListAsync(cancellationToken);
        var ownerIds = agreements.Where(a => a.OwnerId is not null).Select(a => a.OwnerId!.Value).Distinct().ToList();
        var owners = await db.Professionals.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var sourceIds = agreements.SelectMany(a => a.SourceRecommendationIds).Distinct().ToList();
        var sources = await (
                from r in db.Recommendations.AsNoTracking()
                join m in db.Meetings.AsNoTracking() on r.MeetingId equals m.Id
                where sourceIds.Contains(r.Id)
                select new AgreementSource(r.Id, r.Text, m.ScheduledStartUtc, r.Status))
            .ToDictionaryAsync(s => s.RecommendationId, cancellationToken);
        var agreementIds = agreements.Select(a => a.Id).ToList();
        var revisions = await db.AgreementRevisions.AsNoTracking()
            .Where(r => agreementIds.Contains(r.AgreementId))
            .GroupBy(r => r.AgreementId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return [.. agreements
            .OrderBy(a => a.Status == AgreementStatus.Ended)
            .ThenBy(a => a.ReviewDate)
            .Select(a => new AgreementView(
                a.Id, a.Title, a.Text, a.Status,
                a.OwnerId is { } owner ? owners.GetValueOrDefault(owner) : null,
                a.ReviewDate, a.IsReviewDue(today),
                [.. a.SourceRecommendationIds.Where(sources.ContainsKey).Select(id => sources[id])],
                revisions.GetValueOrDefault(a.Id)))];
    }
}
