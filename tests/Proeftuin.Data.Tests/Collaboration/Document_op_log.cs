using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data.Collaboration;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Collaboration;

public sealed class Document_op_log
{
    [Theory]
    [AllProviders]
    public async Task Every_acked_op_survives_a_restart_and_resubmission_is_still_recognised(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var session = await store.LoadAsync("case-1", "Begin.", CancellationToken.None);
        for (var i = 0; i < 450; i++)
        {
            var result = await session.SubmitAsync(session.Revision, TextOperation.InsertAt(session.Length, session.Length, "é"), "client-a", i + 1,
                (applied, ct) => store.AppendAsync(applied, null, ct), CancellationToken.None);
            await store.SnapshotIfDueAsync("case-1", session.Text, result.Revision, DateTime.UtcNow, CancellationToken.None);
        }

        // A new process: the session is rebuilt from the latest snapshot and the log after it.
        var rebuilt = await store.LoadAsync("case-1", "Begin.", CancellationToken.None);
        var resubmitted = rebuilt.Submit(449, TextOperation.InsertAt(455, 455, "é"), "client-a", 450);

        Assert.Equal(session.Text, rebuilt.Text);
        Assert.Equal(450, rebuilt.Revision);
        Assert.True(resubmitted.Duplicate);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Set<DocumentSnapshotRecord>().CountAsync());
    }

    [Theory]
    [AllProviders]
    public async Task Two_nodes_cannot_both_write_one_revision(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var nodeA = await store.LoadAsync("minutes-1", "", CancellationToken.None);
        var nodeB = await store.LoadAsync("minutes-1", "", CancellationToken.None);

        await nodeA.SubmitAsync(0, TextOperation.InsertAt(0, 0, "A"), "a", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<RevisionConflictException>(async () =>
            await nodeB.SubmitAsync(0, TextOperation.InsertAt(0, 0, "B"), "b", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None));

        // The loser catches up on what the winner wrote, then its client's op goes in on top.
        foreach (var missed in await store.OperationsAfterAsync("minutes-1", nodeB.Revision, CancellationToken.None))
        {
            await nodeB.ApplyRemoteAsync(missed, CancellationToken.None);
        }

        await nodeB.SubmitAsync(0, TextOperation.InsertAt(0, 0, "B"), "b", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        Assert.Equal(1, conflict.Revision);
        Assert.Equal("AB", nodeB.Text);
        Assert.Equal(("AB", 2L), await store.TextAtAsync("minutes-1", "", long.MaxValue, CancellationToken.None));
    }

    [Theory]
    [AllProviders]
    public async Task Text_at_any_revision_is_rebuilt_for_the_history_slider(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var session = await store.LoadAsync("case-2", "", CancellationToken.None);
        foreach (var word in new[] { "Feiten", " en", " vragen" })
        {
            await session.SubmitAsync(session.Revision, TextOperation.InsertAt(session.Length, session.Length, word), "a", session.Revision + 1,
                (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        }

        Assert.Equal(("Feiten", 1L), await store.TextAtAsync("case-2", "", 1, CancellationToken.None));
        Assert.Equal(("Feiten en", 2L), await store.TextAtAsync("case-2", "", 2, CancellationToken.None));
        Assert.Equal(("Feiten en vragen", 3L), await store.TextAtAsync("case-2", "", 3, CancellationToken.None));
    }

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        await DatabaseMigrator.MigrateAsync(db, database.Settings, NullLogger.Instance, CancellationToken.None);
        return database;
    }
}
