using MailKit.Net.Smtp;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>Delivery through the SMTP server of <see cref="SmtpSettings"/> with MailKit; one connection per mail.</summary>
public sealed class SmtpMailSender(SmtpSettings settings, Func<ISmtpClient> connect) : IMailSender
{
    public SmtpMailSender(SmtpSettings settings)
        : this(settings, () => new SmtpClient())
    {
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var message = MimeMail.Build(mail, settings.From);
        using var client = connect();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
