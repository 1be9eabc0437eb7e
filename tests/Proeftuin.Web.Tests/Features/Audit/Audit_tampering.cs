using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Audit;

/// <summary>Its own app and database: these tests change audit rows on purpose.</summary>
public sealed class Audit_tampering(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Verify_names_a_tampered_entry()
    {
        using var client = await factory.SignedInAsync("beheer@demo.proeftuin.nl");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Outcome = 'failed' WHERE Sequence = 1");
        }

        using var response = await BrowserlessLogin.PostFormAsync(client, "/audit", "/audit?handler=Verify", new Dictionary<string, string>());

        Assert.Contains("onderbroken bij regel 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
