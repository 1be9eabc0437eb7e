using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Core.Common;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// A case as a Markdown file. The anonymisation guard runs first on the latest text: while anything possibly
/// identifying is open, nothing leaves the system (409, in Dutch). Every export, and every refusal, is audit-logged.
/// </summary>
public static class CaseExportEndpoints
{
    public static RouteGroupBuilder MapCaseExport(this RouteGroupBuilder group)
    {
        group.MapGet("/cases/{caseId:guid}/export.md", MarkdownAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MarkdownAsync(
        Guid caseId, ProeftuinDbContext db, WijkAccess access, DocumentStore store, GuardedNames guarded, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        var (text, _) = await store.TextAtAsync(MeetingHub.CaseDocument(caseId), caseFile.Text, long.MaxValue, cancellationToken);
        var open = await CaseEndpoints.OpenFindingsAsync(caseFile, db, guarded, cancellationToken, text);
        if (open.Count > 0)
        {
            await audit.RecordAsync(new AuditEvent("export", "denied", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
            return ProblemResults.Rule(new DomainException(
                "case.export.identifying",
                $"De casus bevat nog {open.Count} mogelijk identificerende gegevens. Los die eerst op; pas dan kan de casus worden geëxporteerd."));
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", $"{caseFile.Code}.md");
    }
}
