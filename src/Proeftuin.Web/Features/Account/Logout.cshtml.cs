using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// Signing out: a POST (with anti-forgery token) so no link or image can sign someone out. The session is deleted on
/// the server (a copy of the cookie is worthless afterwards), its hub connections on this node close at once, and
/// OpenID Connect clients lose their tokens of this account: the session they were granted from has ended.
/// </summary>
[Authorize(Policy = IdentitySetup.PasswordOnly)]
public sealed class LogoutModel(SignInManager<ProeftuinUser> signIn, LiveConnections live, AuditLog audit, OpenIdTokenRevocation revocation) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(new AuditEvent("logout", "success", "Account"));
        var session = User.FindFirstValue(DatabaseTicketStore.SessionClaim);
        await signIn.SignOutAsync();
        if (session is not null)
        {
            live.EndSession(session);
        }

        if (Guid.TryParse(signIn.UserManager.GetUserId(User), out var userId))
        {
            await revocation.RevokeForUserAsync(userId, "logout", HttpContext.RequestAborted);
        }

        return RedirectToPage("Login");
    }
}
