using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>
/// One herziening as the history page shows it: who, when and why, the version before it, and which fields the
/// herziening changed (compared with the version after it: the next revision's "before", or the current agreement).
/// A confirmed review also moves the review date without a revision; the newest row may then show that date as changed.
/// </summary>
public sealed record RevisionView(
    int FromVersion,
    DateTime RevisedAtUtc,
    string RevisedBy,
    string Reason,
    string PreviousTitle,
    string PreviousText,
    DateOnly PreviousReviewDate,
    bool TitleChanged,
    bool TextChanged,
    bool ReviewDateChanged);

internal static class AgreementHistory
{
    /// <summary>The revisions of <paramref name="agreement"/>, newest first.</summary>
    public static async Task<IReadOnlyList<RevisionView>> OfAsync(ProeftuinDbContext db, NeighbourhoodAgreement agreement, CancellationToken cancellationToken)
    {
        var revisions = await db.AgreementRevisions.AsNoTracking()
            .Where(r => r.AgreementId == agreement.Id)
            .ToListAsync(cancellationToken);
        var byVersion = revisions.OrderBy(r => r.PreviousVersion).ThenBy(r => r.RevisedAtUtc).ToList();
        var revisorIds = revisions.Select(r => r.RevisedById).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => revisorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);

        var views = new List<RevisionView>(byVersion.Count);
        for (var i = 0; i < byVersion.Count; i++)
        {
            var before = byVersion[i];
            var (afterTitle, afterText, afterReview) = i + 1 < byVersion.Count
                ? (byVersion[i + 1].PreviousTitle, byVersion[i + 1].PreviousText, byVersion[i + 1].PreviousReviewDate)
                : (agreement.Title, agreement.Text, agreement.ReviewDate);
            views.Add(new RevisionView(
                before.PreviousVersion, before.RevisedAtUtc, names.GetValueOrDefault(before.RevisedById, "?"), before.Reason,
                before.PreviousTitle, before.PreviousText, before.PreviousReviewDate,
                before.PreviousTitle != afterTitle, before.PreviousText != afterText, before.PreviousReviewDate != afterReview));
        }

        views.Reverse();
        return views;
    }
}
