using System.Globalization;
using System.Text;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>
/// Development and test delivery: every message is written as an .eml file to the data folder's mail/ folder, and the
/// log says where (without the address: no personal data in logs).
/// </summary>
public sealed class FileMailSink(IConfiguration configuration, IHostEnvironment environment, ILogger<FileMailSink> logger) : IMailSender
{
    public string Folder => Path.Combine(Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", environment.ContentRootPath), "mail");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml");
        var message = new StringBuilder()
            .Append("To: ").Append(mail.To).Append("\r\n")
            .Append("From: Proeftuin <noreply@proeftuin.local>\r\n")
            .Append("Subject: ").Append(mail.Subject).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append(mail.Body);
        await File.WriteAllTextAsync(file, message.ToString(), Encoding.UTF8, cancellationToken);
        logger.LogInformation("E-mail '{Subject}' bewaard als {File} (geen SMTP ingesteld)", mail.Subject, file);
    }
}
