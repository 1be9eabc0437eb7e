using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>
/// The register of a wijk's agreements for its members; the chair starts and completes reviews and ends agreements.
/// </summary>
public sealed class RegisterModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, TimeProvider time, IStringLocalizer<AgreementText> text) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public bool IsChair { get; private set; }

    public IReadOnlyList<AgreementView> Agreements { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string T(string key, params object[] values) => text[key, values];

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(slug, chairOnly: false, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        await audit.RecordAsync(new AuditEvent("read", "success", "AgreementRegister", Neighbourhood.Id.ToString(), Neighbourhood.Id, IsChair ? "Chair" : "Member"), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostStartReviewAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, "start-review", agreement => agreement.StartReview(), cancellationToken);

    public Task<IActionResult> OnPostConfirmReviewAsync(string slug, Guid id, DateOnly? nextReviewDate, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, "confirm-review", agreement =>
        {
            if (nextReviewDate is not { } next || next <= Today)
            {
                throw new DomainException("agreement.review", text["ErrorReviewInPast"]);
            }

            agreement.ConfirmReview(next);
        }, cancellationToken);

    public Task<IActionResult> OnPostEndAsync(string slug, Guid id, bool confirm, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, "end", agreement =>
        {
            if (!confirm)
            {
                throw new DomainException("agreement.confirm", text["ErrorConfirmEnd"]);
            }

            agreement.End();
        }, cancellationToken);

    /// <summary>A chair's change to one agreement; a refused change shows its reason at that agreement and changes nothing.</summary>
    private async Task<IActionResult> ChangeAsync(string slug, Guid id, string action, Action<Core.Agreements.NeighbourhoodAgreement> change, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(slug, chairOnly: true, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var agreement = await db.NeighbourhoodAgreements.FirstOrDefaultAsync(a => a.Id == id && a.NeighbourhoodId == Neighbourhood.Id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }

        try
        {
            change(agreement);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError($"agreement-{id:N}", error.MessageFor(HttpContext));
            return Page();
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Agreement", id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
        StatusMessage = text["Updated"];
        return RedirectToPage(new { slug });
    }

    private async Task<IActionResult?> LoadAsync(string slug, bool chairOnly, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        var role = await access.RoleInAsync(neighbourhood.Id, cancellationToken);
        if (role is null || (chairOnly && role != MembershipRole.Chair))
        {
            await audit.RecordAsync(new AuditEvent(chairOnly ? "update" : "read", "denied", "AgreementRegister", neighbourhood.Id.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        IsChair = role == MembershipRole.Chair;
        Agreements = await AgreementViews.ForNeighbourhoodAsync(db, neighbourhood.Id, Today, cancellationToken);
        return null;
    }
}
