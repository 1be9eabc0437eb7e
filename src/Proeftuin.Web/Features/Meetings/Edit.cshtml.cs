using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Forms;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The chair edits a planned meeting: title, date and time, the agenda (order with up/down buttons, remove, add, the
/// timeboxes) and cancels it with a reason after a confirmation. Every button posts the whole form, so what was typed
/// in the fields is kept; the rules are <see cref="MeetingEditing"/>'s.
/// </summary>
public sealed class EditModel(ProeftuinDbContext db, MeetingEditing editing, TextGuard guard, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public TimeOnly? Time { get; set; }

    /// <summary>The timebox per agenda item, by its id, as typed.</summary>
    [BindProperty]
    public Dictionary<Guid, int> Minutes { get; set; } = [];

    [BindProperty]
    public Guid? AddCaseId { get; set; }

    [BindProperty]
    public int AddMinutes { get; set; } = PlanModel.DefaultTimeboxMinutes;

    [BindProperty]
    public string? CancelReason { get; set; }

    /// <summary>What the anonymisation guard found in the reason for cancelling, which every member of the wijk reads.</summary>
    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    /// <summary>The chair asked to cancel: the page asks for confirmation before anything happens.</summary>
    public bool ConfirmCancel { get; private set; }

    /// <summary>The agenda item whose up or down button was used, so focus can stay on it.</summary>
    public Guid? Focus { get; private set; }

    public Meeting Meeting { get; private set; } = null!;

    public string NeighbourhoodSlug { get; private set; } = string.Empty;

    public IReadOnlyDictionary<Guid, AgendaCase> Cases { get; private set; } = new Dictionary<Guid, AgendaCase>();

    public IReadOnlyList<AgendaCase> AddableCases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? focus, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Title = Meeting.Title;
        var local = TimeZoneInfo.ConvertTimeFromUtc(Meeting.ScheduledStartUtc, AmsterdamTime.Zone);
        (Date, Time) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        Minutes = Meeting.Agenda.ToDictionary(a => a.Id, a => a.TimeboxMinutes);
        Focus = focus;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, "reschedule", () => Task.CompletedTask, text["MeetingChanged"], cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid item, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, item, "agenda-move", () => Apply(() => MeetingEditing.Move(Meeting, item, step)), text["AgendaMoved"], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid item, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, "agenda-remove", () => Apply(() => MeetingEditing.Remove(Meeting, item)), text["AgendaRemoved"], cancellationToken);

    public Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, "agenda-add", () => editing.AddAsync(Meeting, AddCaseId, AddMinutes, cancellationToken), text["AgendaAdded"], cancellationToken);

    /// <summary>First step of cancelling: checks the reason and asks for confirmation; changes nothing.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(CancelReason))
        {
            ModelState.AddModelError(nameof(CancelReason), text["CancelReasonRequired"]);
        }
        else
        {
            ConfirmCancel = await ReasonIsClearAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelConfirmedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (!await ReasonIsClearAsync(cancellationToken))
        {
            return Page();
        }

        try
        {
            editing.Cancel(Meeting, CancelReason);
            await editing.SaveAsync(Meeting, "cancel", cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(nameof(CancelReason), error.MessageFor(HttpContext));
            return Page();
        }

        TempData["StatusMessage"] = text["MeetingCancelled", Meeting.Title].Value;
        return RedirectToPage("/Neighbourhoods/Neighbourhood", new { slug = NeighbourhoodSlug });
    }

    /// <summary>
    /// The reason is shown to every member of the wijk and in the meetings list: the guard (with the guarded names of
    /// the cases on the agenda) refuses anything identifying before the chair is even asked to confirm.
    /// </summary>
    private async Task<bool> ReasonIsClearAsync(CancellationToken cancellationToken)
    {
        var verdict = await guard.CheckAsync(
            [.. Meeting.Agenda.Select(a => a.CaseFileId)], cancellationToken, new GuardedField(nameof(CancelReason), CancelReason ?? string.Empty));
        if (verdict.IsClear)
        {
            return true;
        }

        await audit.RecordAsync(new AuditEvent("cancel", "denied", "Meeting", Meeting.Id.ToString(), Meeting.NeighbourhoodId, "Chair"), cancellationToken);
        GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [nameof(CancelReason)] = CancelReason ?? string.Empty });
        return false;
    }

    public string CaseName(Guid caseId) => Cases.TryGetValue(caseId, out var c) ? $"{c.Code} — {c.Title}" : string.Empty;

    /// <summary>Saves what the fields hold (title, start, timeboxes), then the button's own change; all or nothing.</summary>
    private static Task Apply(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Guid? focus, string action, Func<Task> change, string done, CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors(text["InvalidValue"]);
        if (await LoadAsync(id, cancellationToken) is { } refusal)
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
            MeetingEditing.Reschedule(Meeting, Title, startUtc.Value, Minutes);
            await change();
            await editing.SaveAsync(Meeting, action, cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(error.Code.StartsWith("meeting.title", StringComparison.Ordinal) ? nameof(Title) : "Agenda", error.MessageFor(HttpContext));

            // Nothing was saved: show the agenda as it is stored, with the fields as they were typed.
            db.ChangeTracker.Clear();
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        TempData["StatusMessage"] = done;
        return RedirectToPage(new { id, focus });
    }

    private DateTime? Validate()
    {
        var start = MeetingTimeForm.StartUtc(ModelState, text, Title, Date, Time);

        foreach (var (itemId, minutes) in Minutes)
        {
            if (minutes is < AgendaItem.MinTimeboxMinutes or > AgendaItem.MaxTimeboxMinutes)
            {
                ModelState.AddModelError($"{nameof(Minutes)}[{itemId}]", text["TimeboxRange", AgendaItem.MinTimeboxMinutes, AgendaItem.MaxTimeboxMinutes]);
            }
        }

        return start;
    }

    /// <summary>Null when the user chairs the meeting's wijk and it is still planned; otherwise 404, 403 or the meeting page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (meeting, forbidden) = await editing.OpenAsync(id, cancellationToken);
        if (meeting is null)
        {
            return forbidden ? Forbid() : NotFound();
        }

        if (meeting.Status != MeetingStatus.Planned)
        {
            // A meeting that started, closed or was cancelled cannot be edited: the meeting page says why.
            return RedirectToPage("/Meetings/Room", new { id });
        }

        Meeting = meeting;
        NeighbourhoodSlug = await db.Neighbourhoods.AsNoTracking().Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Slug).FirstAsync(cancellationToken);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        Cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new AgendaCase(c.Id, c.Code, c.Title), cancellationToken);
        AddableCases = await editing.AddableCasesAsync(meeting, cancellationToken);
        return null;
    }
}
