using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Common;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// The time line's comparison and restore: what changed from the shown version to another (<c>?versie=N&amp;vergelijk=M</c>,
/// the live version by default) as a word diff, and for the chair "zet deze versie terug" after a confirmation
/// (<see cref="CaseRestore"/>).
/// </summary>
public sealed partial class CaseModel
{
    /// <summary>The version the shown one is compared with; null compares with the latest.</summary>
    [BindProperty(SupportsGet = true, Name = "vergelijk")]
    public long? Vergelijk { get; set; }

    public long ComparedVersion { get; private set; }

    /// <summary>From the shown version (old) to the compared one (new); null when no version is shown.</summary>
    public TextDiff? Diff { get; private set; }

    /// <summary>The chair of the case's wijk, while the text is prepared: may restore the shown version.</summary>
    public bool MayRestore { get; private set; }

    /// <summary>The restore was asked for; the page asks to confirm it.</summary>
    public bool ConfirmRestore { get; private set; }

    /// <summary>
    /// The diff as HTML: <c>del</c> and <c>ins</c> with a visually hidden "[verwijderd: …]" / "[toegevoegd: …]" around
    /// each, every text encoded. Built here rather than in Razor, whose line breaks would show in a pre-wrap block.
    /// </summary>
    public IHtmlContent DiffHtml()
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in Diff?.Segments ?? [])
        {
            if (segment.Kind == DiffKind.Unchanged)
            {
                html.Append(segment.Text);
                continue;
            }

            var (tag, start) = segment.Kind == DiffKind.Deleted ? ("del", "DiffDeletedStart") : ("ins", "DiffInsertedStart");
            html.AppendHtml($"<{tag} class=\"proeftuin-diff__{(tag == "del" ? "deleted" : "inserted")}\"><span class=\"proeftuin-visually-hidden\">");
            html.Append(T(start));
            html.AppendHtml("</span>");
            html.Append(segment.Text);
            html.AppendHtml("<span class=\"proeftuin-visually-hidden\">");
            html.Append(T("DiffEnd"));
            html.AppendHtml($"</span></{tag}>");
        }

        return html;
    }

    /// <summary>Asks the chair to confirm the restore of the shown version.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        ConfirmRestore = Versie is not null;
        var result = await OnGetAsync(id, cancellationToken);
        if (result is PageResult && !MayRestore)
        {
            await audit.RecordAsync(new AuditEvent("restore", "denied", "CaseRevision", $"{id}@{Versie}", Case.NeighbourhoodId), cancellationToken);
            return Forbid();
        }

        return result;
    }

    /// <summary>Restores the shown version through the live document; a refusal is a form error and changes nothing.</summary>
    public async Task<IActionResult> OnPostRestoreConfirmedAsync(Guid id, [FromServices] CaseRestore restore, CancellationToken cancellationToken)
    {
        if (await preparation.MemberCaseAsync(id, cancellationToken) is not { } caseFile)
        {
            return await RefusedAsync(id, cancellationToken);
        }

        if (!await restore.MayRestoreAsync(caseFile, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("restore", "denied", "CaseRevision", $"{id}@{Versie}", caseFile.NeighbourhoodId), cancellationToken);
            return Forbid();
        }

        try
        {
            var revision = await restore.RestoreAsync(caseFile, Versie ?? -1, cancellationToken);
            StatusMessage = T("VersionRestored", Versie ?? 0, revision);
            return RedirectToPage(null, null, new { id, versie = Versie }, "versie-tekst");
        }
        catch (DomainException error)
        {
            ModelState.AddModelError("Restore", error.MessageFor(HttpContext));
            Response.StatusCode = error.Code == "anonymization.open" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return await ReloadAsync(id, cancellationToken);
        }
    }

    /// <summary>The shown version's text and its diff to the compared version, each read audit-logged.</summary>
    private async Task LoadVersionsAsync(CaseFile caseFile, CaseRestore restore, CancellationToken cancellationToken)
    {
        MayRestore = Editable && await restore.MayRestoreAsync(caseFile, cancellationToken);
        if (Versie is not { } asked)
        {
            return;
        }

        var document = OpenFindings.CaseDocument(caseFile.Id);
        var (text, at) = await store.TextAtAsync(document, caseFile.Text, Math.Clamp(asked, 0, History.LatestRevision), cancellationToken);
        var (compared, comparedAt) = await store.TextAtAsync(document, caseFile.Text, Math.Clamp(Vergelijk ?? History.LatestRevision, 0, History.LatestRevision), cancellationToken);
        ShownVersion = at;
        ComparedVersion = comparedAt;
        TextAtVersion = markdown.Render(text, sectionLevel: 3);
        Diff = TextDiff.Between(text, compared);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseRevision", $"{caseFile.Id}@{at}", caseFile.NeighbourhoodId, "Member"), cancellationToken);
        if (comparedAt != at)
        {
            await audit.RecordAsync(new AuditEvent("read", "success", "CaseRevision", $"{caseFile.Id}@{comparedAt}", caseFile.NeighbourhoodId, "Member"), cancellationToken);
        }
    }
}
