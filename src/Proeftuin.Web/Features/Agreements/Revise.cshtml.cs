using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>
/// The chair revises a wijkafspraak: new title, text and review date with a reason. The earlier version is kept as an
/// <see cref="AgreementRevision"/>; a form based on a version someone else has since changed is refused.
/// </summary>
public sealed class ReviseModel(ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, AuditLog audit, TimeProvider time, IStringLocalizer<AgreementText> text) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    /// <summary>The agreement as it is now in the database (after a refused stale form: the other person's version).</summary>
    public NeighbourhoodAgreement Agreement { get; private set; } = null!;

    /// <summary>Set when the form was based on an older version: the page then shows the current one beside the form.</summary>
    public bool Stale { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public DateOnly? ReviewDate { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    public string T(string key, params object[] values) => text[key, values];

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Title = Agreement.Title;
        Text = Agreement.Text;
        ReviewDate = Agreement.ReviewDate;
        Version = Agreement.Version;
        await audit.RecordAsync(new AuditEvent("read", "success", "Agreement", id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, id, cancellationToken) is { } denied)
        {
            return denied;
        }

        // Only our own messages: the binder's English ones would not help anyone.
        ModelState.Clear();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));
        Require(!string.IsNullOrWhiteSpace(Title), nameof(Title), "ErrorTitle");
        Require(!string.IsNullOrWhiteSpace(Text), nameof(Text), "ErrorText");
        Require(ReviewDate is not null, nameof(ReviewDate), "ErrorReviewDate");
        Require(ReviewDate is null || ReviewDate > today, nameof(ReviewDate), "ErrorReviewInPast");
        Require(!string.IsNullOrWhiteSpace(Reason), nameof(Reason), "ErrorReason");
        Require(Reason is null || Reason.Trim().Length <= AgreementRevision.MaxReasonLength, nameof(Reason), "ErrorReasonLength");
        Require(Agreement.Status != AgreementStatus.Ended, string.Empty, "ErrorReviseEnded");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Version != Agreement.Version)
        {
            return await RefuseStaleAsync(cancellationToken);
        }

        // The wijkafspraak and the reason are read by the whole wijk: the guarded names of its source recommendations' cases apply.
        var verdict = await guard.CheckAsync(
            await guard.CasesOfRecommendationsAsync(Agreement.SourceRecommendationIds, cancellationToken), cancellationToken,
            new GuardedField(nameof(Title), Title!), new GuardedField(nameof(Text), Text!), new GuardedField(nameof(Reason), Reason!));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("revise", "denied", "Agreement", id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
            GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [nameof(Title)] = Title!, [nameof(Text)] = Text!, [nameof(Reason)] = Reason! });
            return Page();
        }

        try
        {
            db.AgreementRevisions.Add(Agreement.Revise(Version, Title!, Text!, ReviewDate!.Value, Reason!, access.UserId, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours was written.
            db.ChangeTracker.Clear();
            Agreement = await db.NeighbourhoodAgreements.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            return await RefuseStaleAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(error.Code switch { "agreement.title" => nameof(Title), "agreement.text" => nameof(Text), "agreement.reason" => nameof(Reason), _ => string.Empty }, error.MessageFor(HttpContext));
            return Page();
        }

        await audit.RecordAsync(new AuditEvent("revise", "success", "Agreement", id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
        TempData[nameof(RegisterModel.StatusMessage)] = text["Revised"].Value;
        return RedirectToPage("Register", new { slug });
    }

    /// <summary>
    /// The form was based on an older version: nothing is saved, the current version is shown, and the hidden version
    /// moves to it so the chair can deliberately revise the new one (their own entries stay in the form).
    /// </summary>
    private async Task<IActionResult> RefuseStaleAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEvent("revise", "conflict", "Agreement", Agreement.Id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
        Stale = true;
        ModelState.AddModelError(string.Empty, text["ErrorStale"]);
        ModelState.Remove(nameof(Version));
        Version = Agreement.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void Require(bool valid, string field, string messageKey)
    {
        if (!valid && !ModelState.ContainsKey(field))
        {
            ModelState.AddModelError(field, text[messageKey]);
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        // Who may adopt a wijkafspraak (New) may revise one: the chair of its wijk.
        if (await access.RoleInAsync(neighbourhood.Id, cancellationToken) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent("revise", "denied", "Agreement", id.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        var agreement = await db.NeighbourhoodAgreements.FirstOrDefaultAsync(a => a.Id == id && a.NeighbourhoodId == neighbourhood.Id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }

        Neighbourhood = neighbourhood;
        Agreement = agreement;
        return null;
    }
}
