using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Features.Account;

/// <summary>Step 2 of signing in: the code of the authenticator app, or a recovery code.</summary>
[EnableRateLimiting(LoginRateLimiting.Policy)]
public sealed class TwoFactorModel(SignInManager<ProeftuinUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        var result = !string.IsNullOrWhiteSpace(RecoveryCode)
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal))
            : await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent("login", "success", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
            return ContinueModel.After(this, ReturnUrl);
        }

        await audit.RecordAsync(new AuditEvent(result.IsLockedOut ? "login-locked" : "login-failed", "failed", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
        Error = result.IsLockedOut ? text["LoginLockedOut"] : text["TwoFactorFailed"];
        return Page();
    }
}
