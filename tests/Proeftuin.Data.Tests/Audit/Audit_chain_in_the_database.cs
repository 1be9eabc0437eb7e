using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Audit;

public sealed class Audit_chain_in_the_database
{
    [Theory]
    [AllProviders]
    public async Task Concurrent_writers_keep_one_linear_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);

        // Two writers stand for two nodes: each serialises its own appends, the unique sequence serialises the rest.
        var nodeA = new AuditWriter(database.Contexts, TimeProvider.System, AuditKey.Development);
        var nodeB = new AuditWriter(database.Contexts, TimeProvider.System, AuditKey.Development);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? nodeA : nodeB).AppendAsync(new AuditEntry { Action = "read", Outcome = "success", ObjectType = "CaseFile", ObjectId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        await using var check = database.CreateContext();
        Assert.Equal(20, await check.AuditEntries.CountAsync());
        Assert.Null(await AuditWriter.VerifyAsync(check, AuditKey.Development, CancellationToken.None));
        Assert.Equal(AuditChain.Anchor, (await check.AuditEntries.SingleAsync(e => e.Sequence == 1)).PreviousHash);
    }

    [Fact]
    public void A_changed_field_breaks_the_hash()
    {
        var first = new AuditEntry { Action = "login", Outcome = "success", TimestampUtc = DateTime.UtcNow };
        AuditChain.Seal(first, null, AuditKey.Development);
        var second = new AuditEntry { Action = "read", Outcome = "success", TimestampUtc = DateTime.UtcNow };
        AuditChain.Seal(second, first, AuditKey.Development);

        second.ObjectId = "iets anders";

        Assert.Equal(2, AuditChain.FirstBroken([first, second], AuditKey.Development));
    }
}
