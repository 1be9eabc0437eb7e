using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data.Collaboration;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Collaboration;

public sealed class Document_op_log
{
    private static readonly DocumentId Case1 = DocumentId.ForCase(Guid.Parse("11111111-1111-1111-1111-111111111111"));
    private static readonly DocumentId Minutes1 = DocumentId.ForMinutes(Guid.Parse("22222222-2222-2222-2222-222222222222"));
    private static readonly DocumentId Case2 = DocumentId.ForCase(Guid.Parse("33333333-3333-3333-3333-333333333333"));
    private static readonly DocumentId Poisoned = DocumentId.ForCase(Guid.Parse("44444444-4444-4444-4444-444444444444"));

    [Theory]
    [AllProviders]
    public async Task Every_acked_op_survives_a_restart_and_resubmission_is_still_recognised(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var session = await store.LoadAsync(Case1, "Begin.", CancellationToken.None);
        for (var i = 0; i < 450; i++)
        {
            var result = await session.SubmitAsync(session.Revision, TextOperation.InsertAt(session.Length, session.Length, "é"), "client-a", i + 1,
                (applied, ct) => store.AppendAsync(applied, null, ct), CancellationToken.None);
            await store.SnapshotIfDueAsync(Case1, session.Text, result.Revision, DateTime.UtcNow, CancellationToken.None);
        }

        // A new process: the session is rebuilt from the latest snapshot and the log after it.
        var rebuilt = await store.LoadAsync(Case1, "Begin.", CancellationToken.None);
        var resubmitted = rebuilt.Submit(449, TextOperation.InsertAt(455, 455, "é"), "client-a", 450);

        Assert.Equal(session.Text, rebuilt.Text);
        Assert.Equal(450, rebuilt.Revision);
        Assert.True(resubmitted.Duplicate);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Set<DocumentSnapshotRecord>().CountAsync());
    }

    [Theory]
    [AllProviders]
    public async Task An_appended_entry_reads_back_with_its_author_and_time_as_written(DatabaseProvider provider)
    {
        // On SQLite the append bypasses EF (a prepared INSERT in the group commit): the values must be stored in the
        // forms EF reads, or the audit of who edited what and when would read wrong values.
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var author = Guid.NewGuid();
        var at = new DateTime(2026, 12, 2, 14, 30, 15, 123, DateTimeKind.Utc).AddTicks(4560); // microseconds: what PostgreSQL keeps
        await store.AppendAsync(new AppliedOperation(Case2.ToString(), 1, TextOperation.InsertAt(6, 6, "ë"), "client-é", 7, at), author, CancellationToken.None);
        await store.AppendAsync(new AppliedOperation(Case2.ToString(), 2, TextOperation.InsertAt(7, 0, "x"), "client-é", 8, at), null, CancellationToken.None);

        await using var db = database.CreateContext();
        var records = await db.Set<DocumentOperationRecord>().AsNoTracking().Where(o => o.DocumentId == Case2.ToString()).OrderBy(o => o.Revision).ToListAsync();
        var byAuthor = await db.Set<DocumentOperationRecord>().AsNoTracking().CountAsync(o => o.AuthorId == author);

        Assert.Equal([author, null], records.Select(r => r.AuthorId));
        Assert.All(records, r => Assert.Equal(at, DateTime.SpecifyKind(r.AppliedAtUtc, DateTimeKind.Utc)));
        Assert.Equal(["client-é", "client-é"], records.Select(r => r.ClientId));
        Assert.Equal([7L, 8L], records.Select(r => r.ClientSeq));
        Assert.Equal(TextOperation.InsertAt(6, 6, "ë").ToJson(), records[0].Operation);
        Assert.Equal(1, byAuthor);
        await Assert.ThrowsAsync<RevisionConflictException>(async () =>
            await store.AppendAsync(new AppliedOperation(Case2.ToString(), 2, TextOperation.InsertAt(7, 0, "y"), "client-b", 1, at), null, CancellationToken.None));
    }

    [Theory]
    [AllProviders]
    public async Task Two_nodes_cannot_both_write_one_revision(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var nodeA = await store.LoadAsync(Minutes1, "", CancellationToken.None);
        var nodeB = await store.LoadAsync(Minutes1, "", CancellationToken.None);

        await nodeA.SubmitAsync(0, TextOperation.InsertAt(0, 0, "A"), "a", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<RevisionConflictException>(async () =>
            await nodeB.SubmitAsync(0, TextOperation.InsertAt(0, 0, "B"), "b", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None));

        // The loser catches up on what the winner wrote, then its client's op goes in on top.
        foreach (var missed in await store.OperationsAfterAsync(Minutes1, nodeB.Revision, CancellationToken.None))
        {
            await nodeB.ApplyRemoteAsync(missed, CancellationToken.None);
        }

        await nodeB.SubmitAsync(0, TextOperation.InsertAt(0, 0, "B"), "b", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        Assert.Equal(1, conflict.Revision);
        Assert.Equal("AB", nodeB.Text);
        Assert.Equal(("AB", 2L), await store.TextAtAsync(Minutes1, "", long.MaxValue, CancellationToken.None));
    }

    [Theory]
    [AllProviders]
    public async Task Text_at_any_revision_is_rebuilt_for_the_history_slider(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        var session = await store.LoadAsync(Case2, "", CancellationToken.None);
        foreach (var word in new[] { "Feiten", " en", " vragen" })
        {
            await session.SubmitAsync(session.Revision, TextOperation.InsertAt(session.Length, session.Length, word), "a", session.Revision + 1,
                (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);
        }

        Assert.Equal(("Feiten", 1L), await store.TextAtAsync(Case2, "", 1, CancellationToken.None));
        Assert.Equal(("Feiten en", 2L), await store.TextAtAsync(Case2, "", 2, CancellationToken.None));
        Assert.Equal(("Feiten en vragen", 3L), await store.TextAtAsync(Case2, "", 3, CancellationToken.None));
    }

    [Theory]
    [AllProviders]
    public async Task An_entry_that_does_not_apply_is_quarantined_on_replay_and_the_document_opens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var store = new DocumentStore(database.Contexts);
        await store.EnsureBaseAsync(Poisoned, "abc", DateTime.UtcNow, CancellationToken.None);
        var session = await store.LoadAsync(Poisoned, "abc", CancellationToken.None);
        await session.SubmitAsync(0, TextOperation.InsertAt(3, 3, "d"), "a", 1, (op, ct) => store.AppendAsync(op, null, ct), CancellationToken.None);

        // Left by an older version: the wrapping operation, then a wrong base length, then a good edit on top.
        var author = Guid.NewGuid();
        const string wrapping = "[2147483647,\"x\",2147483647,\"y\",6]";
        await using (var db = database.CreateContext())
        {
            db.Set<DocumentOperationRecord>().AddRange(
                Record(2, wrapping, author),
                Record(3, "[99,\"x\"]", author),
                Record(4, "[4,\"e\"]", author));
            await db.SaveChangesAsync();
        }

        var reopened = await store.LoadAsync(Poisoned, "abc", CancellationToken.None);
        var missed = await store.OperationsAfterAsync(Poisoned, 1, CancellationToken.None);
        var quarantined = await store.QuarantinedAsync(Poisoned, CancellationToken.None);

        Assert.Equal(("abcde", 4L), (reopened.Text, reopened.Revision));
        Assert.Equal(["[4]", "[4]", "[4,\"e\"]"], missed.Select(m => m.Operation.ToJson()));
        Assert.Equal(("abcd", 3L), await store.TextAtAsync(Poisoned, "abc", 3, CancellationToken.None));
        Assert.Equal([(2L, wrapping, "operation.too-large"), (3L, "[99,\"x\"]", "operation.length")], quarantined.Select(q => (q.Revision, q.Operation, q.Reason)));
        Assert.All(quarantined, q => Assert.Equal(author, q.AuthorId));
        Assert.Equal(5, reopened.Submit(4, TextOperation.InsertAt(5, 5, "f"), "a", 2).Revision);
    }

    private static DocumentOperationRecord Record(long revision, string operation, Guid author) => new()
    {
        DocumentId = Poisoned.ToString(),
        Revision = revision,
        Operation = operation,
        ClientId = "old-client",
        ClientSeq = revision,
        AuthorId = author,
        AppliedAtUtc = DateTime.UtcNow,
    };
}
