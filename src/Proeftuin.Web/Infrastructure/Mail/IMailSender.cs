namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>Sends e-mail (invitations, password resets). SMTP when configured, otherwise a file sink.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

public sealed record OutgoingMail(string To, string Subject, string Body);
