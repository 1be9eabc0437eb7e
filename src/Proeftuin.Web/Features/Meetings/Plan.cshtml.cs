using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Forms;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The chair of a wijk plans a meeting: title, date and time in Dutch local time, and the wijk's cases for the agenda
/// with a timebox each. The rules are <see cref="MeetingPlanning"/>'s, the same as the API's.
/// </summary>
public sealed class PlanModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int DefaultTimeboxMinutes = 30;

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public string? NeighbourhoodSlug { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public TimeOnly? Time { get; set; }

    /// <summary>One row per case that can go on the agenda, in the order of <see cref="Cases"/>.</summary>
    [BindProperty]
    public List<AgendaChoice> Agenda { get; set; } = [];

    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public IReadOnlyList<AgendaCase> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Agenda = [.. Cases.Select(c => new AgendaChoice { CaseId = c.Id })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors(text["InvalidValue"]);
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var startUtc = Validate();
        if (!ModelState.IsValid || startUtc is null)
        {
            return Page();
        }

        try
        {
            var agenda = Agenda.Where(a => a.Selected).Select(a => new PlannedAgendaItem(a.CaseId, a.Minutes)).ToList();
            var meeting = await MeetingPlanning.PlanAsync(Neighbourhood.Id, Title, startUtc.Value, agenda, db, access, audit, cancellationToken);
            TempData["StatusMessage"] = text["MeetingPlanned", meeting.Title].Value;
            return RedirectToPage("/Neighbourhoods/Neighbourhood", new { slug = Neighbourhood.Slug });
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(error.Code.StartsWith("meeting.title", StringComparison.Ordinal) ? nameof(Title) : nameof(Agenda), error.MessageFor(HttpContext));
            return Page();
        }
    }

    /// <summary>The choice posted for a case, or the default (not on the agenda, 30 minutes).</summary>
    public AgendaChoice ChoiceFor(Guid caseId) =>
        Agenda.Find(a => a.CaseId == caseId) ?? new AgendaChoice { CaseId = caseId };

    /// <summary>Checks what the form can tell by itself (all errors at once); returns the start in UTC.</summary>
    private DateTime? Validate()
    {
        var start = MeetingTimeForm.StartUtc(ModelState, text, Title, Date, Time);

        for (var i = 0; i < Cases.Count; i++)
        {
            var choice = ChoiceFor(Cases[i].Id);
            if (choice.Selected && choice.Minutes is < AgendaItem.MinTimeboxMinutes or > AgendaItem.MaxTimeboxMinutes)
            {
                ModelState.AddModelError($"{nameof(Agenda)}[{i}].{nameof(AgendaChoice.Minutes)}", text["TimeboxRange", AgendaItem.MinTimeboxMinutes, AgendaItem.MaxTimeboxMinutes]);
            }
        }

        return start;
    }

    /// <summary>Null when the user chairs the wijk; otherwise 404 or 403 (audit-logged). Loads the cases for the agenda.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == NeighbourhoodSlug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        if (!await MeetingPlanning.MayPlanAsync(neighbourhood.Id, access, audit, cancellationToken))
        {
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        Cases = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NeighbourhoodId == neighbourhood.Id && c.Status != CaseStatus.Archived)
            // The cases marked ready for discussion first: those are what the chair plans a meeting for.
            .OrderByDescending(c => c.Status == CaseStatus.ReadyForDiscussion)
            .ThenBy(c => c.Code)
            .Select(c => new AgendaCase(c.Id, c.Code, c.Title, c.Status == CaseStatus.ReadyForDiscussion))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseList", NeighbourhoodId: neighbourhood.Id, Role: "Chair"), cancellationToken);
        return null;
    }
}

/// <summary>A case that can go on the agenda (not archived); <paramref name="Ready"/> when its preparation is done.</summary>
public sealed record AgendaCase(Guid Id, string Code, string Title, bool Ready = false);

/// <summary>One agenda row of the form: whether the case goes on the agenda, and for how long.</summary>
public sealed class AgendaChoice
{
    public Guid CaseId { get; set; }

    public bool Selected { get; set; }

    public int Minutes { get; set; } = PlanModel.DefaultTimeboxMinutes;
}
