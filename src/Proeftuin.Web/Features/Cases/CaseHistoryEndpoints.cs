using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// The history of a case text for the time slider: who changed it when (consecutive edits of one author within a
/// minute form one change), and the text as it was at any revision, rebuilt from snapshot + op log.
/// </summary>
public static class CaseHistoryEndpoints
{
    private static readonly TimeSpan OneChange = TimeSpan.FromMinutes(1);

    public static RouteGroupBuilder MapCaseHistory(this RouteGroupBuilder group)
    {
        group.MapGet("/cases/{caseId:guid}/history", ChangesAsync);
        group.MapGet("/cases/{caseId:guid}/history/{revision:long}", TextAtAsync);
        return group;
    }

    private static async Task<Results<Ok<CaseHistoryDto>, ProblemHttpResult>> ChangesAsync(
        Guid caseId, ProeftuinDbContext db, WijkAccess access, DocumentStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        var revisions = await store.RevisionsAsync(MeetingHub.CaseDocument(caseId), cancellationToken);
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

        await audit.RecordAsync(new AuditEvent("read", "success", "CaseHistory", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(new CaseHistoryDto(revisions.Count == 0 ? 0 : revisions[^1].Revision, changes));
    }

    private static async Task<Results<Ok<CaseRevisionDto>, ProblemHttpResult>> TextAtAsync(
        Guid caseId, long revision, ProeftuinDbContext db, WijkAccess access, DocumentStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        if (revision < 0)
        {
            return ProblemResults.Invalid("Een versie is 0 of hoger.");
        }

        var (text, at) = await store.TextAtAsync(MeetingHub.CaseDocument(caseId), caseFile.Text, revision, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseRevision", $"{caseId}@{at}", caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(new CaseRevisionDto(at, text));
    }
}

public sealed record CaseHistoryDto(long LatestRevision, IReadOnlyList<CaseChangeDto> Changes);

/// <summary>Revisions <paramref name="FromRevision"/>–<paramref name="ToRevision"/> by one author in one sitting.</summary>
public sealed record CaseChangeDto(long FromRevision, long ToRevision, Guid? AuthorId, string AuthorName, DateTime FromUtc, DateTime ToUtc, int Operations);

public sealed record CaseRevisionDto(long Revision, string Text);
