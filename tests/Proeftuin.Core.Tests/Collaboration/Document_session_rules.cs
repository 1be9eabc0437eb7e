using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Document_session_rules
{
    [Fact]
    public void Submission_on_an_old_revision_is_transformed_over_what_came_since()
    {
        var session = new DocumentSession("doc", "abc", 0);
        session.Submit(0, TextOperation.InsertAt(3, 0, "X"), "a", 1);

        var result = session.Submit(0, TextOperation.InsertAt(3, 3, "Y"), "b", 1);

        Assert.Equal(2, result.Revision);
        Assert.Equal("XabcY", session.Text);
        Assert.Equal("[4,\"Y\"]", result.Operation.ToJson());
    }

    [Fact]
    public void Resubmission_after_reconnect_is_applied_once()
    {
        var session = new DocumentSession("doc", "abc", 0);
        var first = session.Submit(0, TextOperation.InsertAt(3, 1, "X"), "a", 1);
        session.Submit(1, TextOperation.InsertAt(4, 0, "Z"), "b", 1);

        var again = session.Submit(2, TextOperation.InsertAt(5, 2, "X"), "a", 1);

        Assert.True(again.Duplicate);
        Assert.Equal(first.Applied, again.Applied);
        Assert.Equal("ZaXbc", session.Text);
        Assert.Equal(2, session.Revision);
    }

    [Fact]
    public void Base_revision_older_than_history_asks_for_a_resync()
    {
        var session = new DocumentSession("doc", "", 0, historyLimit: 2);
        for (var i = 0; i < 4; i++)
        {
            session.Submit(i, TextOperation.InsertAt(i, i, "x"), "a", i + 1);
        }

        var error = Assert.Throws<StaleRevisionException>(() => session.Submit(1, TextOperation.InsertAt(1, 0, "y"), "b", 1));

        Assert.Equal(2, error.OldestRevision);
        Assert.Equal("xxxx", session.Text);
    }

    [Fact]
    public async Task Failed_persistence_changes_nothing()
    {
        var session = new DocumentSession("doc", "abc", 0);

        await Assert.ThrowsAsync<IOException>(async () => await session.SubmitAsync(
            0, TextOperation.InsertAt(3, 0, "X"), "a", 1, (_, _) => throw new IOException("disk full"), CancellationToken.None));

        Assert.Equal("abc", session.Text);
        Assert.Equal(0, session.Revision);
        Assert.False(session.Submit(0, TextOperation.InsertAt(3, 0, "X"), "a", 1).Duplicate);
    }

    [Fact]
    public async Task Persistence_sees_each_op_before_it_is_applied_in_revision_order()
    {
        var session = new DocumentSession("doc", "", 0);
        var persisted = new List<long>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            await session.SubmitAsync(0, TextOperation.InsertAt(0, 0, "a"), $"client-{i}", 1, (applied, _) =>
            {
                Assert.Equal(applied.Revision - 1, session.Revision);
                persisted.Add(applied.Revision);
                return ValueTask.CompletedTask;
            }, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), persisted);
        Assert.Equal(new string('a', 50), session.Text);
    }

    [Fact]
    public void Rebuilt_session_remembers_submissions_made_before_a_restart()
    {
        var original = new DocumentSession("doc", "", 0);
        var applied = new List<AppliedOperation>
        {
            original.Submit(0, TextOperation.InsertAt(0, 0, "ab"), "a", 1).Applied,
            original.Submit(1, TextOperation.InsertAt(2, 2, "c"), "b", 1).Applied,
        };

        var rebuilt = new DocumentSession("doc", original.Text, original.Revision, applied);

        Assert.True(rebuilt.Submit(0, TextOperation.InsertAt(0, 0, "ab"), "a", 1).Duplicate);
        rebuilt.Submit(0, TextOperation.InsertAt(0, 0, "d"), "c", 1);
        Assert.Equal("abcd", rebuilt.Text);
    }

    [Fact]
    public async Task Remote_operations_from_another_node_must_come_in_order()
    {
        var session = new DocumentSession("doc", "ab", 4);
        var next = new AppliedOperation("doc", 5, TextOperation.InsertAt(2, 2, "c"), "x", 1, DateTime.UtcNow);
        var gap = new AppliedOperation("doc", 7, TextOperation.InsertAt(3, 0, "z"), "x", 3, DateTime.UtcNow);

        await session.ApplyRemoteAsync(next, CancellationToken.None);
        await session.ApplyRemoteAsync(next, CancellationToken.None);

        Assert.Equal("abc", session.Text);
        await Assert.ThrowsAsync<OperationException>(() => session.ApplyRemoteAsync(gap, CancellationToken.None));
    }
}
