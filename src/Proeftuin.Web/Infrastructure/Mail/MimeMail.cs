using MimeKit;
using MimeKit.Text;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>Builds the MIME message of an <see cref="OutgoingMail"/>, the same for SMTP and the file sink.</summary>
public static class MimeMail
{
    public static MimeMessage Build(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.MessageId is { } id)
        {
            message.MessageId = id;
        }

        // 8bit, not quoted-printable: links stay whole on one line for people reading the raw mail and for tests.
        var body = new TextPart(TextFormat.Plain) { Text = mail.Body, ContentTransferEncoding = ContentEncoding.EightBit };
        if (mail.Attachments is not { Count: > 0 } attachments)
        {
            message.Body = body;
            return message;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in attachments)
        {
            var part = new TextPart(attachment.MediaSubtype)
            {
                Text = attachment.Content,
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            };
            part.ContentType.MediaType = attachment.MediaType;
            part.ContentType.Charset = "utf-8";
            foreach (var (name, value) in attachment.Parameters ?? new Dictionary<string, string>())
            {
                part.ContentType.Parameters.Add(name, value);
            }

            mixed.Add(part);
        }

        message.Body = mixed;
        return message;
    }
}
