using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Security;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Account;

/// <summary>Sets a password from the link in an invitation or a password-reset mail (one-time token).</summary>
[EnableRateLimiting(LoginRateLimiting.Policy)]
public sealed class SetPasswordModel(UserManager<ProeftuinUser> users, AccountSessions sessions, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Done { get; private set; }

    /// <summary>The absolute link for a mail: a fresh one-time token for this user.</summary>
    /// <remarks>Built on the configured public address, never on the request's Host header (<see cref="PublicAddress"/>).</remarks>
    public static async Task<string> LinkAsync(UserManager<ProeftuinUser> users, ProeftuinUser user, IUrlHelper url, PublicAddress publicAddress)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return publicAddress.Link(url.Page("/Account/SetPassword", pageHandler: null, values: new { userId = user.Id, token })!);
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null || string.IsNullOrEmpty(Token))
        {
            Errors = [text["LinkInvalid"]];
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Errors = [text["PasswordsDiffer"]];
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token, Password ?? string.Empty);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Code == "InvalidToken" ? text["LinkInvalid"].Value : HttpContext.Translated(e.Description))];
            await audit.RecordAsync(new AuditEvent("set-password", "failed", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
            return Page();
        }

        // A reset password ends every session of the account, wherever it was signed in.
        await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await audit.RecordAsync(new AuditEvent("set-password", "success", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email));
        Done = true;
        return Page();
    }

    public string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, text[key], values);
}
