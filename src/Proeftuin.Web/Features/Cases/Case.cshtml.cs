using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// One case for the members of its wijk: its details, the text rendered safely, the open anonymisation findings, who
/// changed the text when, and the text at any earlier version (<c>?versie=N</c>).
/// </summary>
public sealed class CaseModel(
    ProeftuinDbContext db, WijkAccess access, AuditLog audit, OpenFindings openFindings, DocumentStore store, MarkdownRenderer markdown) : PageModel
{
    public CaseFile Case { get; private set; } = null!;

    public Neighbourhood Wijk { get; private set; } = null!;

    public IHtmlContent Text { get; private set; } = HtmlString.Empty;

    public IReadOnlyList<OpenFinding> Findings { get; private set; } = [];

    public CaseHistoryDto History { get; private set; } = new(0, []);

    /// <summary>The version asked for on the time line; null shows only the current text.</summary>
    [BindProperty(SupportsGet = true, Name = "versie")]
    public long? Versie { get; set; }

    public long? ShownVersion { get; private set; }

    public IHtmlContent? TextAtVersion { get; private set; }

    /// <summary>Set by the new-case page that redirects here.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (caseFile is null)
        {
            return NotFound();
        }

        if (!await access.IsMemberAsync(caseFile.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "CaseFile", id.ToString(), caseFile.NeighbourhoodId), cancellationToken);
            return Forbid();
        }

        Case = caseFile;
        Wijk = await db.Neighbourhoods.AsNoTracking().SingleAsync(n => n.Id == caseFile.NeighbourhoodId, cancellationToken);
        Text = markdown.Render(caseFile.Text, sectionLevel: 2);
        var open = await openFindings.ForCaseAsync(caseFile, null, cancellationToken);
        Findings = [.. open.Select(f => new OpenFinding(f.Category, caseFile.Text[f.Start..f.End], Placeholders.For(f, caseFile.Text)))];
        History = await CaseHistory.ChangesAsync(id, db, store, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseFile", id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);

        if (Versie is { } asked)
        {
            var (text, at) = await store.TextAtAsync(OpenFindings.CaseDocument(id), caseFile.Text, Math.Clamp(asked, 0, History.LatestRevision), cancellationToken);
            ShownVersion = at;
            TextAtVersion = markdown.Render(text, sectionLevel: 3);
            await audit.RecordAsync(new AuditEvent("read", "success", "CaseRevision", $"{id}@{at}", caseFile.NeighbourhoodId, "Member"), cancellationToken);
        }

        return Page();
    }

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

/// <summary>A finding still open in the current text: what was found and a placeholder to replace it with.</summary>
public sealed record OpenFinding(Category Category, string Found, string Placeholder);
