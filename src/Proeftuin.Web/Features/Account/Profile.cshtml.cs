using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Account;

/// <summary>My profile: who I am in Proeftuin (name, discipline, organisation, my wijken and roles) and changing my password.</summary>
public sealed class ProfileModel(
    UserManager<ProeftuinUser> users,
    SignInManager<ProeftuinUser> signIn,
    ProeftuinDbContext db,
    NeighbourhoodAccess access,
    AccountSessions sessions,
    AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public Professional Professional { get; private set; } = null!;

    public IReadOnlyList<(string Neighbourhood, string Slug, MembershipRole Role)> Neighbourhoods { get; private set; } = [];

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "Profile", access.UserId.ToString()), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (NewPassword != ConfirmPassword)
        {
            Errors = [text["PasswordsDiffer"]];
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent("change-password", "failed", "Account", user.Id.ToString()), cancellationToken);
            Errors = [.. result.Errors.Select(e => e.Code == "PasswordMismatch" ? text["CurrentPasswordWrong"].Value : HttpContext.Translated(e.Description))];
            return Page();
        }

        // Every other session of the account ends on the server (and its hub connections); this one is renewed with the
        // new security stamp so the user stays signed in here.
        await sessions.EndAllAsync(user.Id, cancellationToken, keep: User.FindFirstValue(DatabaseTicketStore.SessionClaim));
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(new AuditEvent("change-password", "success", "Account", user.Id.ToString()), cancellationToken);
        StatusMessage = text["PasswordChanged"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Professional = await db.Professionals.AsNoTracking().FirstAsync(p => p.Id == access.UserId, cancellationToken);
        Neighbourhoods = [.. (await (
                from m in db.Memberships.AsNoTracking()
                join n in db.Neighbourhoods.AsNoTracking() on m.NeighbourhoodId equals n.Id
                where m.ProfessionalId == access.UserId
                orderby n.Name
                select new { n.Name, n.Slug, m.Role })
            .ToListAsync(cancellationToken)).Select(w => (w.Name, w.Slug, w.Role))];
    }
}
