using MailKit.Security;

namespace Proeftuin.Web.Infrastructure.Mail;

/// <summary>
/// <c>Mail:Smtp:*</c>: Host, Port (587), Security (StartTls, SslOnConnect, or None only for a relay on localhost),
/// User and Password (both or neither), From. Checked at start-up; Production requires a host, so a node never
/// silently writes mail to its disk.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, string From)
{
    public const string Section = "Mail:Smtp";

    public static SmtpSettings? Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["Host"]))
        {
            return environment.IsProduction()
                ? throw new StartupConfigurationException($"De instelling {Section}:Host ontbreekt: de SMTP-server waarlangs Proeftuin uitnodigingen en meldingen verstuurt.")
                : null;
        }

        if (!int.TryParse(section["Port"] ?? "587", System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new StartupConfigurationException($"De instelling {Section}:Port is geen poortnummer: '{section["Port"]}'.");
        }

        if (!Enum.TryParse<SecureSocketOptions>(section["Security"] ?? nameof(SecureSocketOptions.StartTls), ignoreCase: true, out var security)
            || security is SecureSocketOptions.Auto or SecureSocketOptions.StartTlsWhenAvailable)
        {
            throw new StartupConfigurationException($"De instelling {Section}:Security moet StartTls, SslOnConnect of None zijn: '{section["Security"]}'.");
        }

        var host = section["Host"]!;
        if (security == SecureSocketOptions.None && host is not ("localhost" or "127.0.0.1" or "::1"))
        {
            throw new StartupConfigurationException($"De instelling {Section}:Security mag alleen None zijn voor een relay op localhost: mail met links gaat versleuteld over het netwerk.");
        }

        var user = section["User"];
        var password = section["Password"];
        if (string.IsNullOrEmpty(user) != string.IsNullOrEmpty(password))
        {
            throw new StartupConfigurationException($"De instellingen {Section}:User en {Section}:Password horen samen: geef beide of geen van beide.");
        }

        var from = section["From"] ?? "noreply@proeftuin.local";
        if (!MimeKit.MailboxAddress.TryParse(from, out _))
        {
            throw new StartupConfigurationException($"De instelling {Section}:From is geen e-mailadres: '{from}'.");
        }

        return new SmtpSettings(host, port, security, user, password, from);
    }
}
