using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Features.Account;

/// <summary>Step 1 of signing in: e-mail and password, with lockout after five failures; or the external provider, when configured.</summary>
[EnableRateLimiting(LoginRateLimiting.Policy)]
public sealed class LoginModel(SignInManager<ProeftuinUser> signIn, UserManager<ProeftuinUser> users, AuditLog audit, IStringLocalizer<SharedResource> text, ExternalLoginOptions external) : PageModel
{
    public ExternalLoginOptions External => external;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || string.IsNullOrEmpty(Password))
        {
            await audit.RecordAsync(new AuditEvent("login-failed", "failed", "Account", UserName: Email?.Trim()));
            Error = text["LoginFailed"];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl() });
        }

        if (result.Succeeded)
        {
            // Two-factor is mandatory: an account without an authenticator enrols one before anything else.
            return RedirectToPage("Enrol", new { ReturnUrl = SafeReturnUrl() });
        }

        await audit.RecordAsync(new AuditEvent(result.IsLockedOut ? "login-locked" : "login-failed", "failed", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
        Error = !result.IsLockedOut ? text["LoginFailed"]
            : Admin.AccountAdministration.IsDeactivated(user.LockoutEnd) ? text["LoginDeactivated"]
            : text["LoginLockedOut"];
        return Page();
    }

    /// <summary>"Log in met …": to the external provider, back via the callback page (which still asks for two-factor).</summary>
    public IActionResult OnPostExternal()
    {
        if (!external.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalCallback", new { ReturnUrl = SafeReturnUrl() });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(external.Scheme, callback), external.Scheme);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
