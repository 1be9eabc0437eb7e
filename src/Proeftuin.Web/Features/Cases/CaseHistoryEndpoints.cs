using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// The history of a case text for the time slider: who changed it when (<see cref="CaseHistory"/>), and the text as
/// it was at any revision, rebuilt from snapshot + op log.
/// </summary>
public static class CaseHistoryEndpoints
{
    public static RouteGroupBuilder MapCaseHistory(this RouteGroupBuilder group)
    {
        group.MapGet("/cases/{caseId:guid}/history", ChangesAsync);
        group.MapGet("/cases/{caseId:guid}/history/{revision:long}", TextAtAsync);
        return group;
    }

    private static async Task<Results<Ok<CaseHistoryDto>, ProblemHttpResult>> ChangesAsync(
        Guid caseId, ProeftuinDbContext db, NeighbourhoodAccess access, DocumentStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return await RefusedAsync(problem!, "CaseHistory", caseId.ToString(), audit, cancellationToken);
        }

        var history = await CaseHistory.ChangesAsync(caseId, db, store, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseHistory", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(history);
    }

    private static async Task<Results<Ok<CaseRevisionDto>, ProblemHttpResult>> TextAtAsync(
        Guid caseId, long revision, ProeftuinDbContext db, NeighbourhoodAccess access, DocumentStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return await RefusedAsync(problem!, "CaseRevision", $"{caseId}@{revision}", audit, cancellationToken);
        }

        if (revision < 0)
        {
            return ProblemResults.Invalid("Een versie is 0 of hoger.");
        }

        var (text, at) = await store.TextAtAsync(OpenFindings.CaseDocument(caseId), caseFile.Text, revision, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseRevision", $"{caseId}@{at}", caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(new CaseRevisionDto(at, text));
    }

    /// <summary>A refused look at a case's history is logged too (a 404 discloses nothing and is not).</summary>
    private static async Task<ProblemHttpResult> RefusedAsync(ProblemHttpResult problem, string objectType, string objectId, AuditLog audit, CancellationToken cancellationToken)
    {
        if (problem.StatusCode == StatusCodes.Status403Forbidden)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", objectType, objectId), cancellationToken);
        }

        return problem;
    }
}

public sealed record CaseHistoryDto(long LatestRevision, IReadOnlyList<CaseChangeDto> Changes);

/// <summary>Revisions <paramref name="FromRevision"/>–<paramref name="ToRevision"/> by one author in one sitting.</summary>
public sealed record CaseChangeDto(long FromRevision, long ToRevision, Guid? AuthorId, string AuthorName, DateTime FromUtc, DateTime ToUtc, int Operations);

public sealed record CaseRevisionDto(long Revision, string Text);
