using System.Security.Cryptography.X509Certificates;

namespace Proeftuin.Web.Infrastructure;

/// <summary>A PFX certificate named by a setting (<c>{key}:Path</c> and <c>{key}:Password</c>), loaded at start-up so a missing or unreadable one stops the app with the setting named.</summary>
public static class CertificateSettings
{
    public static X509Certificate2 Load(IConfiguration configuration, string key, string purpose)
    {
        var path = configuration[$"{key}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new StartupConfigurationException($"De instelling {key}:Path ontbreekt: {purpose}.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{key}:Password"]);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"Het certificaat van de instelling {key}:Path kan niet worden gelezen ({ex.Message}). Controleer ook {key}:Password.");
        }
    }
}
