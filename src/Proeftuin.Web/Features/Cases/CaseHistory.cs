using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Anonymization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// Who changed a case text when, shared by the history API and the case page. Consecutive edits of one author within
/// a minute form one change, so the list reads as sittings rather than keystrokes.
/// </summary>
public static class CaseHistory
{
    private static readonly TimeSpan OneChange = TimeSpan.FromMinutes(1);

    /// <summary>The changes of a case text; the caller has checked that the user is a member of the case's wijk.</summary>
    public static async Task<CaseHistoryDto> ChangesAsync(Guid caseId, ProeftuinDbContext db, DocumentStore store, CancellationToken cancellationToken)
    {
        var revisions = await store.RevisionsAsync(OpenFindings.CaseDocument(caseId), cancellationToken);
        var authorIds = revisions.Where(r => r.AuthorId is not null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => authorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var changes = new List<CaseChangeDto>();
        foreach (var (revision, authorId, at) in revisions)
        {
            var last = changes.Count > 0 ? changes[^1] : null;
            if (last is not null && last.AuthorId == authorId && at - last.ToUtc <= OneChange)
            {
                changes[^1] = last with { ToRevision = revision, ToUtc = at, Operations = last.Operations + 1 };
            }
            else
            {
                changes.Add(new CaseChangeDto(revision, revision, authorId, authorId is { } id && names.TryGetValue(id, out var name) ? name : "Onbekend", at, at, 1));
            }
        }

        return new CaseHistoryDto(revisions.Count == 0 ? 0 : revisions[^1].Revision, changes);
    }
}
