using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The invitation mail: a one-time link (Identity's password-reset token) on the configured public address to choose a
/// password. Sent straight through <see cref="IMailSender"/>, not the outbox: the link is a secret the outbox, which
/// stores no text, must not hold.
/// </summary>
public sealed class InvitationMail(UserManager<ProeftuinUser> users, IMailSender mail, PublicAddress publicAddress, LinkGenerator links, IStringLocalizer<SharedResource> text)
{
    public async Task SendAsync(ProeftuinUser user, string displayName, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var path = links.GetPathByPage("/Account/SetPassword", handler: null, values: new { userId = user.Id, token })
            ?? throw new InvalidOperationException("The set-password page has no route.");
        var link = publicAddress.Link(path);
        await mail.SendAsync(new OutgoingMail(user.Email!, text["InviteMailSubject"], string.Format(CultureInfo.CurrentCulture, text["InviteMailBody"], displayName, link)), cancellationToken);
    }
}
