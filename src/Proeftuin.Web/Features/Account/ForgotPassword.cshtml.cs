using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Features.Account;

/// <summary>"Wachtwoord vergeten": mails a reset link; the answer is the same whether the address exists or not.</summary>
[EnableRateLimiting(LoginRateLimiting.Policy)]
public sealed class ForgotPasswordModel(UserManager<ProeftuinUser> users, PublicAddress publicAddress, IMailSender mail, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var link = await SetPasswordModel.LinkAsync(users, user, Url, publicAddress);
            await mail.SendAsync(new OutgoingMail(user.Email!, text["ResetMailSubject"], string.Format(System.Globalization.CultureInfo.CurrentCulture, text["ResetMailBody"], link)), cancellationToken);
            await audit.RecordAsync(new AuditEvent("password-reset-requested", "success", "Account", user.Id.ToString(), UserId: user.Id, UserName: user.Email), cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
