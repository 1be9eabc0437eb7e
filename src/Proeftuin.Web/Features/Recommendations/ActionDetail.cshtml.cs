using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// One recommendation with its follow-up history; its owner or a chair of the wijk changes its status and/or adds a
/// note, also long after the meeting closed. Members of the wijk and the coordinator read it.
/// </summary>
public sealed class ActionDetailModel(RecommendationFollowUp followUp, IStringLocalizer<FollowUpText> text) : PageModel
{
    public FollowUpDetail Detail { get; private set; } = null!;

    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    /// <summary>The version the form was based on; a change based on an older one is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>Empty: only a note.</summary>
    [BindProperty]
    public RecommendationStatus? Status { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public DateOnly Today => followUp.Today;

    public string T(string key, params object[] values) => text[key, values];

    /// <summary>The statuses this recommendation may go to now (the rule of <see cref="Recommendation.IsAllowed"/>).</summary>
    public IEnumerable<RecommendationStatus> NextStatuses =>
        Enum.GetValues<RecommendationStatus>().Where(s => Recommendation.IsAllowed(Detail.Recommendation.Status, s));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        Version = Detail.Recommendation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Status is { } status && !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(Status), text["ErrorStatus"]);
        }
        else if (Status is null && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Status), text["ErrorNothing"]);
        }
        else if (Note?.Trim().Length > RecommendationProgress.MaxNoteLength)
        {
            ModelState.AddModelError(nameof(Note), text["ErrorNoteTooLong", RecommendationProgress.MaxNoteLength]);
        }

        if (ModelState.IsValid)
        {
            var change = await followUp.RecordAsync(id, Version, Status, Note, cancellationToken);
            switch (change)
            {
                case { Access: FollowUpAccess.NotFound }:
                    return NotFound();
                case { Access: FollowUpAccess.Denied }:
                    return Forbid();
                case { Ok: true }:
                    StatusMessage = text["Saved"];
                    return RedirectToPage(new { id });
                case { Refused: { } verdict }:
                    GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [RecommendationFollowUp.NoteField] = Note ?? string.Empty });
                    break;
                default:
                    ModelState.AddModelError(change.ErrorCode == "progress.note" ? nameof(Note) : nameof(Status), HttpContext.Translated(change.ErrorMessage!));
                    if (change.ErrorCode == "recommendation.conflict")
                    {
                        Response.StatusCode = StatusCodes.Status409Conflict;
                    }

                    break;
            }
        }

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var conflict = Response.StatusCode == StatusCodes.Status409Conflict && GuardFindings.Count == 0;
        var denied = await LoadAsync(id, cancellationToken);
        if (denied is null && conflict)
        {
            // The page now shows the current version; a second try is based on it.
            Version = Detail.Recommendation.Version;
        }

        return denied ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var read = await followUp.ReadAsync(id, cancellationToken);
        switch (read.Access)
        {
            case FollowUpAccess.NotFound:
                return NotFound();
            case FollowUpAccess.Denied:
                return Forbid();
            default:
                Detail = read.Detail!;
                return null;
        }
    }
}
