using System.Globalization;
using MimeKit;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>
/// Development and test delivery: every message is written as an .eml file to the data folder's mail/ folder, and the
/// log says where (without the address: no personal data in logs). A mail with a Message-ID is written once: sending
/// it again (the outbox after a crash between sending and marking sent) finds the file and does nothing.
/// </summary>
public sealed class FileMailSink(IConfiguration configuration, IHostEnvironment environment, ILogger<FileMailSink> logger) : IMailSender
{
    public string Folder => Path.Combine(Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", environment.ContentRootPath), "mail");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = mail.MessageId is { } id ? SafeName(id) : Guid.NewGuid().ToString("N");
        if (mail.MessageId is not null && Directory.EnumerateFiles(Folder, $"*-{name}.eml").Any())
        {
            logger.LogInformation("E-mail {MessageId} was al bewaard; niet opnieuw", mail.MessageId);
            return;
        }

        var file = Path.Combine(Folder, $"{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}-{name}.eml");
        var message = MimeMail.Build(mail, "Proeftuin <noreply@proeftuin.local>");

        // Written under a temporary name and moved, so a reader (or a crash) never sees half a mail.
        var partial = file + ".tmp";
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken);
        }

        File.Move(partial, file);
        logger.LogInformation("E-mail '{Subject}' bewaard als {File} (geen SMTP ingesteld)", mail.Subject, file);
    }

    private static string SafeName(string messageId) =>
        new([.. messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
}
