namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>Sends e-mail (invitations, password resets, notifications). SMTP when configured, otherwise a file sink.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// One mail. <paramref name="MessageId"/>, when given, is the mail's Message-ID and its idempotency key: the outbox
/// sends the same id again after a crash, and a sender that can tell (the file sink) writes it only once.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? MessageId = null, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>An attachment such as an iCalendar invitation (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string MediaType, string MediaSubtype, string Content, IReadOnlyDictionary<string, string>? Parameters = null);
