using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Audit;

/// <summary>Its own app and database: the purge removes the whole log of this test.</summary>
public sealed class Audit_retention(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Purge_removes_entries_past_retention_logs_itself_and_the_chain_still_verifies()
    {
        using (await factory.SignedInAsync("fatima.elamrani@demo.proeftuin.nl"))
        {
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var before = await db.AuditEntries.CountAsync();
        var sixYearsLater = new ShiftedTime(TimeSpan.FromDays(366 * 6));
        var retention = new AuditRetention(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<ProeftuinDbContext>>(),
            scope.ServiceProvider.GetRequiredService<AuditWriter>(),
            sixYearsLater);

        var removed = await retention.PurgeAsync(5, CancellationToken.None);

        var remaining = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.True(before > 0);
        Assert.Equal(before, removed);
        Assert.Equal("audit-purge", Assert.Single(remaining).Action);
        Assert.Null(await AuditWriter.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<Proeftuin.Core.Audit.AuditKey>(), CancellationToken.None));
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }
}
