using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Data;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// A case as a file: Markdown, a page to print or save as PDF, a Word document, or its recommendations as CSV
/// (<c>?sep=semicolon</c> for Dutch Excel). The anonymisation guard runs first on the latest text, whatever the format:
/// while anything possibly identifying is open, nothing leaves the system (409, in Dutch). Every export, and every
/// refusal, is audit-logged.
/// </summary>
public static class CaseExportEndpoints
{
    public static RouteGroupBuilder MapCaseExport(this RouteGroupBuilder group)
    {
        group.MapGet("/cases/{caseId:guid}/export.md", (Guid caseId, CaseExport export, CancellationToken cancellationToken) =>
            export.FileAsync(caseId, ExportFormat.Markdown, null, cancellationToken));
        group.MapGet("/cases/{caseId:guid}/export.csv", (Guid caseId, string? sep, CaseExport export, CancellationToken cancellationToken) =>
            export.FileAsync(caseId, ExportFormat.Csv, sep, cancellationToken));
        group.MapGet("/cases/{caseId:guid}/export.html", (Guid caseId, CaseExport export, CancellationToken cancellationToken) =>
            export.FileAsync(caseId, ExportFormat.Html, null, cancellationToken));
        group.MapGet("/cases/{caseId:guid}/export.docx", (Guid caseId, CaseExport export, CancellationToken cancellationToken) =>
            export.FileAsync(caseId, ExportFormat.Docx, null, cancellationToken));
        return group;
    }
}

/// <summary>One export of a case: membership, then the guard over the latest text, then the file.</summary>
public sealed class CaseExport(
    ProeftuinDbContext db, NeighbourhoodAccess access, OpenFindings openFindings, TextGuard guard, RecommendationCompilation recommendations,
    MarkdownRenderer markdown, AuditLog audit, TimeProvider time)
{
    public async Task<Results<ExportFile, ProblemHttpResult>> FileAsync(Guid caseId, ExportFormat format, string? sep, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await CaseEndpoints.MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            if (problem!.StatusCode == StatusCodes.Status403Forbidden)
            {
                await audit.RecordAsync(new AuditEvent("export", "denied", "CaseFile", caseId.ToString()), cancellationToken);
            }

            return problem;
        }

        var text = await openFindings.LiveTextAsync(caseFile, cancellationToken);
        var open = await openFindings.ForCaseAsync(caseFile, text, cancellationToken);
        if (open.Count > 0)
        {
            await audit.RecordAsync(new AuditEvent("export", "denied", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
            return ProblemResults.Rule(new DomainException(
                "case.export.identifying",
                $"De casus bevat nog {open.Count} mogelijk identificerende gegevens. Los die eerst op; pas dan kan de casus worden geëxporteerd."));
        }

        byte[] bytes;
        if (format == ExportFormat.Csv)
        {
            bytes = CsvExport.Write(await ExportScreen.ScreenAsync(await recommendations.ForCaseAsync(caseId, cancellationToken), guard, cancellationToken), CsvTable.Separator(sep));
        }
        else
        {
            var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == caseFile.NeighbourhoodId).Select(n => n.Name).FirstAsync(cancellationToken);
            var subtitle = $"Casus {caseFile.Code}, {neighbourhood}. Geëxporteerd op {Compilation.Date(time.GetUtcNow().UtcDateTime)}.";
            bytes = TextExport.Write(format, $"{caseFile.Code}: {caseFile.Title}", subtitle, text, markdown);
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return new ExportFile(bytes, format, caseFile.Code);
    }
}
