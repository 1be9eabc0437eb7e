using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>The chair records a wijkafspraak, adopted from one or more of the wijk's recommendations.</summary>
public sealed class NewModel(ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, AuditLog audit, TimeProvider time, IStringLocalizer<AgreementText> text) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public IReadOnlyList<AgreementSource> Recommendations { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>What the guard refused in title or text, shown with a one-click placeholder.</summary>
    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    [BindProperty]
    public List<Guid> Sources { get; set; } = [];

    [BindProperty]
    public Guid? OwnerId { get; set; }

    [BindProperty]
    public DateOnly? ReviewDate { get; set; }

    public string T(string key, params object[] values) => text[key, values];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } denied)
        {
            return denied;
        }

        // Only our own messages: the binder's English ones ("The value '' is invalid") would not help anyone.
        ModelState.Clear();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));
        Require(!string.IsNullOrWhiteSpace(Title), nameof(Title), "ErrorTitle");
        Require(!string.IsNullOrWhiteSpace(Text), nameof(Text), "ErrorText");
        Require(Sources.Count > 0 && Sources.All(id => Recommendations.Any(r => r.RecommendationId == id)), nameof(Sources), "ErrorSources");
        Require(OwnerId is null || Members.Any(m => m.Id == OwnerId), nameof(OwnerId), "ErrorOwner");
        Require(ReviewDate is not null, nameof(ReviewDate), "ErrorReviewDate");
        Require(ReviewDate is null || ReviewDate > today, nameof(ReviewDate), "ErrorReviewInPast");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A wijkafspraak is read by the whole wijk and beyond: the guarded names of its source recommendations' cases apply.
        var verdict = await guard.CheckAsync(
            await guard.CasesOfRecommendationsAsync(Sources, cancellationToken), cancellationToken,
            new GuardedField(nameof(Title), Title!), new GuardedField(nameof(Text), Text!));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("create", "denied", "Agreement", NeighbourhoodId: Neighbourhood.Id, Role: "Chair"), cancellationToken);
            GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [nameof(Title)] = Title!, [nameof(Text)] = Text! });
            return Page();
        }

        NeighbourhoodAgreement agreement;
        try
        {
            agreement = new NeighbourhoodAgreement(Guid.NewGuid(), Neighbourhood.Id, Title!, Text!, Sources, OwnerId, ReviewDate!.Value, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(error.Code switch { "agreement.title" => nameof(Title), "agreement.text" => nameof(Text), _ => string.Empty }, error.MessageFor(HttpContext));
            return Page();
        }

        db.NeighbourhoodAgreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("create", "success", "Agreement", agreement.Id.ToString(), Neighbourhood.Id, "Chair"), cancellationToken);
        TempData[nameof(RegisterModel.StatusMessage)] = text["Saved"].Value;
        return RedirectToPage("Register", new { slug });
    }

    private void Require(bool valid, string field, string messageKey)
    {
        if (!valid && !ModelState.ContainsKey(field))
        {
            ModelState.AddModelError(field, text[messageKey]);
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        if (await access.RoleInAsync(neighbourhood.Id, cancellationToken) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent("create", "denied", "Agreement", NeighbourhoodId: neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        Recommendations = await (
                from r in db.Recommendations.AsNoTracking()
                join m in db.Meetings.AsNoTracking() on r.MeetingId equals m.Id
                where r.NeighbourhoodId == neighbourhood.Id
                orderby m.ScheduledStartUtc descending
                select new AgreementSource(r.Id, r.Text, m.ScheduledStartUtc, r.Status))
            .ToListAsync(cancellationToken);
        Members = [.. (await (
                from membership in db.Memberships.AsNoTracking()
                join p in db.Professionals.AsNoTracking() on membership.ProfessionalId equals p.Id
                where membership.NeighbourhoodId == neighbourhood.Id
                orderby p.DisplayName
                select new { p.Id, p.DisplayName })
            .ToListAsync(cancellationToken)).Select(m => (m.Id, m.DisplayName))];
        return null;
    }
}
