using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;

namespace Proeftuin.Web.Infrastructure.Anonymization;

/// <summary>
/// Guarded names: the real names an author enters for a case, kept only as HMAC hashes with the server's secret
/// (<c>Anonymization:GuardedNameKey</c>, base64, at least 32 bytes). The detector built here flags any word whose
/// hash matches. Development and tests use a fixed, public key; elsewhere a missing key stops start-up.
/// </summary>
public sealed class GuardedNames
{
    private const string DevelopmentKey = "UHJvZWZ0dWluIGRldmVsb3BtZW50IGtleSBmb3IgZ3VhcmRlZCBuYW1lcyAzMmI=";

    public GuardedNames(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Anonymization:GuardedNameKey"];
        var development = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (string.IsNullOrWhiteSpace(configured) && !development)
        {
            throw new StartupConfigurationException("De instelling Anonymization:GuardedNameKey ontbreekt: een geheime sleutel (base64, minstens 32 bytes) voor beschermde namen.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(string.IsNullOrWhiteSpace(configured) ? DevelopmentKey : configured);
        }
        catch (FormatException)
        {
            throw new StartupConfigurationException("De instelling Anonymization:GuardedNameKey is geen geldige base64-tekst.");
        }

        if (key.Length < 32)
        {
            throw new StartupConfigurationException("De instelling Anonymization:GuardedNameKey is te kort: minstens 32 bytes.");
        }

        Hasher = new GuardedNameHasher(key);
        Detector = new AnonymizationDetector(Hasher);
    }

    public GuardedNameHasher Hasher { get; }

    public AnonymizationDetector Detector { get; }

    public static async Task<IReadOnlySet<string>> ForCaseAsync(ProeftuinDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        (await db.CaseGuardedNames.AsNoTracking().Where(g => g.CaseFileId == caseId).Select(g => g.Hash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
