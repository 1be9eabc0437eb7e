using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Startup;

/// <summary>
/// With <c>DataProtection:Certificate</c> set, the key ring written to the database is encrypted with the certificate
/// (no readable master key), and the app still protects and reads with it.
/// </summary>
public sealed class Data_protection_keys_at_rest
{
    [Fact]
    public async Task Keys_written_to_the_database_are_encrypted_with_the_certificate()
    {
        await using var factory = new ConfiguredProeftuinFactory(new Dictionary<string, string> { ["DataProtection:Certificate:Path"] = Invalid_configuration_stops_start_up.SelfSignedPfx() });
        var services = factory.Services;
        services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Proeftuin.Tests.AtRest");
        var roundTrip = protector.Unprotect(protector.Protect("geheim"));

        await using var scope = services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        Assert.Equal("geheim", roundTrip);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
