using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// Signing out: a POST (with anti-forgery token) so no link or image can sign someone out. OpenID Connect clients lose
/// their tokens of this account too: the session they were granted from has ended.
/// </summary>
[Authorize(Policy = IdentitySetup.PasswordOnly)]
public sealed class LogoutModel(SignInManager<ProeftuinUser> signIn, AuditLog audit, OpenIdTokenRevocation revocation) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(new AuditEvent("logout", "success", "Account"));
        await signIn.SignOutAsync();
        if (Guid.TryParse(signIn.UserManager.GetUserId(User), out var userId))
        {
            await revocation.RevokeForUserAsync(userId, "logout", HttpContext.RequestAborted);
        }

        return RedirectToPage("Login");
    }
}
