using System.Net;
using System.Net.Mail;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>Delivery through the SMTP server of <c>Mail:Smtp:*</c> (host, port, user, password, from).</summary>
public sealed class SmtpMailSender(IConfiguration configuration) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Mail:Smtp");
        using var client = new SmtpClient(section["Host"], section.GetValue("Port", 587)) { EnableSsl = section.GetValue("EnableSsl", true) };
        if (!string.IsNullOrEmpty(section["User"]))
        {
            client.Credentials = new NetworkCredential(section["User"], section["Password"]);
        }

        using var message = new MailMessage(section["From"] ?? "noreply@proeftuin.local", mail.To, mail.Subject, mail.Body);
        await client.SendMailAsync(message, cancellationToken);
    }
}
