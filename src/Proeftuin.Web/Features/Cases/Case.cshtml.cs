using System.Text.Json;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Microsoft.Extensions.Localization;
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
public sealed partial class CaseModel(
    ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, OpenFindings openFindings, DocumentStore store, MarkdownRenderer markdown,
    Preparation.CasePreparation preparation, IStringLocalizer<Preparation.PreparationText> preparationText, IStringLocalizer<Meetings.RoomText> roomText, IStringLocalizer<Infrastructure.Localization.SharedResource> shared,
    CaseRestore restore) : PageModel
{
    /// <summary>Whether the text is prepared live on this page (a draft, or ready and not yet discussed).</summary>
    public bool Editable => Case.Status is CaseStatus.Draft or CaseStatus.ReadyForDiscussion;

    /// <summary>The texts of the live editor (the room's and the preparation's), for client/cases/preparation.ts.</summary>
    public string PreparationTextsJson { get; private set; } = "{}";

    public int GuardedCount { get; private set; }

    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Themes { get; set; }

    [BindProperty]
    public string? GuardedNamesInput { get; set; }

    public string P(string key, params object[] values) => preparationText[key, values];

    private string T(string key, params object[] values) => shared[key, values];

    /// <summary>The id of a field's error message when it has one (for aria-describedby), else null.</summary>
    public string? ErrorId(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? $"{field}-fout" : null;

    /// <summary>Title and themes, through the anonymisation guard: a refusal shows the findings and saves nothing.</summary>
    public async Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await preparation.MemberCaseAsync(id, cancellationToken) is not { } caseFile)
        {
            return await RefusedAsync(id, cancellationToken);
        }

        var themes = (Themes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        try
        {
            await preparation.UpdateDetailsAsync(caseFile, Title, themes, cancellationToken);
        }
        catch (GuardRefusedException refused)
        {
            GuardFindings = GuardForm.Refuse(this, refused.Verdict, new Dictionary<string, string> { ["Title"] = Title ?? string.Empty, ["Themes"] = string.Join(", ", themes) });
            return await ReloadAsync(id, cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(nameof(Title), error.MessageFor(HttpContext));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ReloadAsync(id, cancellationToken);
        }

        StatusMessage = P("DetailsSaved");
        return RedirectToPage(new { id });
    }

    /// <summary>Guarded names: hashed with the key and added; the names themselves are never stored or logged.</summary>
    public async Task<IActionResult> OnPostGuardedNamesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await preparation.MemberCaseAsync(id, cancellationToken) is not { } caseFile)
        {
            return await RefusedAsync(id, cancellationToken);
        }

        var names = (GuardedNamesInput ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var added = await preparation.AddGuardedNamesAsync(caseFile, names, cancellationToken);
            StatusMessage = P("GuardedSaved", added);
        }
        catch (DomainException)
        {
            ModelState.AddModelError(nameof(GuardedNamesInput), P("GuardedInvalid"));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            GuardedNamesInput = null; // never echo the names back
            return await ReloadAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    /// <summary>"Klaar voor bespreking": refused (with the count of open findings) while the live text has any.</summary>
    public async Task<IActionResult> OnPostReadyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await preparation.MemberCaseAsync(id, cancellationToken) is not { } caseFile)
        {
            return await RefusedAsync(id, cancellationToken);
        }

        try
        {
            await preparation.MarkReadyAsync(caseFile, cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError("Ready", error.MessageFor(HttpContext));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await ReloadAsync(id, cancellationToken);
        }

        StatusMessage = P("ReadyDone");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefusedAsync(Guid id, CancellationToken cancellationToken)
    {
        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (caseFile is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(new AuditEvent("update", "denied", "CaseFile", id.ToString(), caseFile.NeighbourhoodId), cancellationToken);
        return Forbid();
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var status = Response.StatusCode;
        var result = await OnGetAsync(id, cancellationToken);
        Response.StatusCode = status;
        return result;
    }

    public CaseFile Case { get; private set; } = null!;

    public Neighbourhood Neighbourhood { get; private set; } = null!;

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
        Neighbourhood = await db.Neighbourhoods.AsNoTracking().SingleAsync(n => n.Id == caseFile.NeighbourhoodId, cancellationToken);
        Text = markdown.Render(caseFile.Text, sectionLevel: 2);
        var open = await openFindings.ForCaseAsync(caseFile, null, cancellationToken);
        Findings = [.. open.Select(f => new OpenFinding(f.Category, caseFile.Text[f.Start..f.End], Placeholders.For(f, caseFile.Text)))];
        History = await CaseHistory.ChangesAsync(id, db, store, cancellationToken);
        GuardedCount = await preparation.GuardedCountAsync(id, cancellationToken);
        Title ??= caseFile.Title;
        Themes ??= string.Join(", ", caseFile.Themes);
        PreparationTextsJson = JsonSerializer.Serialize(roomText.GetAllStrings(includeParentCultures: true)
            .Concat(preparationText.GetAllStrings(includeParentCultures: true))
            .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last().Value));
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseFile", id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);

        await LoadVersionsAsync(caseFile, restore, cancellationToken);

        return Page();
    }

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

/// <summary>A finding still open in the current text: what was found and a placeholder to replace it with.</summary>
public sealed record OpenFinding(Category Category, string Found, string Placeholder);
