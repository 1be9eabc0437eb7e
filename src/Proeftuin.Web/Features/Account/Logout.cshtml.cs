using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Account;

/// <summary>Signing out: a POST (with anti-forgery token) so no link or image can sign someone out.</summary>
[Authorize(Policy = IdentitySetup.PasswordOnly)]
public sealed class LogoutModel(SignInManager<ProeftuinUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(new AuditEvent("logout", "success", "Account"));
        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
