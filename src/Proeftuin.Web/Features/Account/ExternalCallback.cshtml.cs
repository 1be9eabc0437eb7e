using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
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

/// <summary>
/// Where a login at the external provider comes back (after the OIDC handler redeemed the code). An identity already
/// linked goes on as a password login would: to the local two-factor step. An unlinked one is linked only to an invited
/// account with the same e-mail address, and only when the provider says it verified that address; an account is never
/// created here (docs/decisions/0006).
/// </summary>
[EnableRateLimiting(LoginRateLimiting.Policy)]
[CountEveryRequest]
public sealed class ExternalCallbackModel(SignInManager<ProeftuinUser> signIn, UserManager<ProeftuinUser> users, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string Failed = "login-extern-failed";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            await audit.RecordAsync(new AuditEvent(Failed, "failed", "Account"));
            return Refuse(text["ExternalLoginFailed"]);
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await LinkInvitedAccountAsync(info, email);
        if (user is null)
        {
            // The same answer whether the address is unknown or merely unverified: it reveals no accounts.
            await audit.RecordAsync(new AuditEvent(Failed, "failed", "Account", UserName: email));
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Refuse(text["ExternalNoInvitedAccount"]);
        }

        // Never bypass two-factor: the provider's own MFA is not ours to trust (docs/decisions/0006).
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor || result.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent("login-extern", "success", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));

            // Succeeded without two-factor means no authenticator yet: enrol one before anything else, as after a password.
            return RedirectToPage(result.RequiresTwoFactor ? "TwoFactor" : "Enrol", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" });
        }

        await audit.RecordAsync(new AuditEvent(result.IsLockedOut ? "login-locked" : Failed, "failed", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return Refuse(!result.IsLockedOut ? text["ExternalLoginFailed"]
            : Admin.AccountAdministration.IsDeactivated(user.LockoutEnd) ? text["LoginDeactivated"]
            : text["LoginLockedOut"]);
    }

    private async Task<ProeftuinUser?> LinkInvitedAccountAsync(ExternalLoginInfo info, string? email)
    {
        var verified = bool.TryParse(info.Principal.FindFirstValue("email_verified"), out var value) && value;
        var user = verified && !string.IsNullOrWhiteSpace(email) ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            return null;
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        if (!linked.Succeeded)
        {
            return null;
        }

        await audit.RecordAsync(new AuditEvent("login-extern-linked", "success", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
        return user;
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        return Page();
    }
}
