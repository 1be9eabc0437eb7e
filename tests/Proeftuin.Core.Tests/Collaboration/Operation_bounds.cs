using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>
/// No operation can name more text than a document may hold, wrap a length around, or count backwards: each is refused
/// with a stable code before anything changes, so one member cannot break a document for everyone.
/// </summary>
public sealed class Operation_bounds
{
    private const int Max = DocumentLimits.MaxLength;

    [Fact]
    public void Two_retains_of_int_max_that_would_wrap_to_the_text_length_are_refused()
    {
        var length = 10;
        var json = $"[2147483647,\"x\",2147483647,\"y\",{length + 2}]";

        var error = Assert.Throws<OperationException>(() => TextOperation.FromJson(json));

        Assert.Equal("operation.too-large", error.Code);
    }

    [Fact]
    public void Counts_just_within_the_limit_that_add_up_beyond_it_are_refused()
    {
        var builder = new OperationBuilder().Retain(Max - 1).Insert("x");

        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => builder.Retain(1)).Code);
        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => new OperationBuilder().Delete(Max).Retain(1)).Code);
        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => new OperationBuilder().Insert(new string('a', Max)).Insert("b")).Code);
    }

    [Theory]
    [InlineData(Max + 1)]
    [InlineData(int.MaxValue)]
    public void A_retain_or_delete_above_the_document_limit_is_refused(int count)
    {
        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => new OperationBuilder().Retain(count)).Code);
        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => new OperationBuilder().Delete(count)).Code);
        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => TextOperation.FromJson($"[-{count}]")).Code);
    }

    [Fact]
    public void An_insert_above_the_document_limit_is_refused()
    {
        var json = $"[\"{new string('a', Max + 1)}\"]";

        Assert.Equal("operation.too-large", Assert.Throws<OperationException>(() => TextOperation.FromJson(json)).Code);
    }

    [Fact]
    public void An_operation_of_exactly_the_limit_is_accepted()
    {
        var operation = TextOperation.FromJson($"[\"{new string('a', Max)}\"]");

        Assert.Equal(Max, operation.TargetLength);
        Assert.Equal(Max, operation.Apply(string.Empty).Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_counts_are_refused(int count)
    {
        Assert.Equal("operation.negative", Assert.Throws<OperationException>(() => new OperationBuilder().Retain(count)).Code);
        Assert.Equal("operation.negative", Assert.Throws<OperationException>(() => new OperationBuilder().Delete(count)).Code);
    }

    [Fact]
    public void Int_min_and_numbers_beyond_int_in_the_wire_form_are_malformed()
    {
        Assert.Equal("operation.malformed", Assert.Throws<OperationException>(() => TextOperation.FromJson("[-2147483648]")).Code);
        Assert.Equal("operation.malformed", Assert.Throws<OperationException>(() => TextOperation.FromJson("[4294967296]")).Code);
    }

    [Fact]
    public void A_delete_at_a_negative_place_is_refused_not_wrapped()
    {
        Assert.Equal("operation.negative", Assert.Throws<OperationException>(() => TextOperation.DeleteAt(5, 4, 3)).Code);
    }

    [Fact]
    public void An_operation_on_the_wrong_base_length_is_refused_by_every_apply()
    {
        var operation = TextOperation.FromJson("[3,\"x\"]");

        Assert.Equal("operation.length", Assert.Throws<OperationException>(() => operation.Apply("ab")).Code);
        Assert.Equal("operation.length", Assert.Throws<OperationException>(() => operation.ApplyTo(new GapBuffer("abcd"))).Code);
        Assert.Equal("operation.length", Assert.Throws<OperationException>(() => operation.EnsureAppliesTo(4)).Code);
        operation.EnsureAppliesTo(3);
    }

    [Fact]
    public void A_session_refuses_an_operation_on_the_wrong_length_and_stays_usable()
    {
        var session = new DocumentSession("doc", "abc", 0);

        var error = Assert.Throws<OperationException>(() => session.Submit(0, TextOperation.FromJson("[5,\"x\"]"), "a", 1));

        Assert.Equal("operation.length", error.Code);
        Assert.Equal(0, session.Revision);
        Assert.Equal("abcX", (session.Submit(0, TextOperation.InsertAt(3, 3, "X"), "a", 2)).Operation.Apply("abc"));
        Assert.Equal("abcX", session.Text);
    }

    [Fact]
    public void A_session_refuses_an_edit_that_would_grow_the_text_past_the_limit()
    {
        var session = new DocumentSession("doc", new string('a', Max - 1), 0);

        var error = Assert.Throws<OperationException>(() => session.Submit(0, TextOperation.InsertAt(Max - 1, 0, "xy"), "a", 1));

        Assert.Equal("operation.too-large", error.Code);
        Assert.Equal(Max - 1, session.Length);
        Assert.Equal(1, session.Submit(0, TextOperation.InsertAt(Max - 1, 0, "x"), "a", 2).Revision);
    }

    [Fact]
    public void A_concurrent_edit_whose_transform_would_pass_the_limit_is_refused()
    {
        var session = new DocumentSession("doc", new string('a', Max - 2), 0);
        session.Submit(0, TextOperation.InsertAt(Max - 2, 0, "x"), "a", 1);

        var error = Assert.Throws<OperationException>(() => session.Submit(0, TextOperation.InsertAt(Max - 2, 0, "yz"), "b", 1));

        Assert.Equal("operation.too-large", error.Code);
        Assert.Equal(1, session.Revision);
    }

    [Fact]
    public void The_gap_buffer_refuses_positions_and_counts_that_would_wrap()
    {
        var buffer = new GapBuffer("abc");

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Remove(1, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Remove(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Remove(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Insert(-1, "x"));
        Assert.Equal("abc", buffer.ToString());
    }

    [Fact]
    public void A_remote_operation_that_does_not_apply_changes_nothing()
    {
        var session = new DocumentSession("doc", "abc", 0);
        var bad = new AppliedOperation("doc", 1, TextOperation.FromJson("[1,\"x\",5]"), "a", 1, DateTime.UtcNow);

        Assert.Throws<OperationException>(() => session.ApplyRemoteAsync(bad, CancellationToken.None).GetAwaiter().GetResult());

        Assert.Equal("abc", session.Text);
        Assert.Equal(0, session.Revision);
    }

    [Fact]
    public void Duplicates_are_recognised_per_author_so_a_claimed_client_id_suppresses_nothing()
    {
        var victim = Guid.NewGuid();
        var attacker = Guid.NewGuid();
        var session = new DocumentSession("doc", "", 0);
        session.Submit(0, TextOperation.InsertAt(0, 0, "!"), "web-victim", 1_000, attacker);

        var edit = session.Submit(1, TextOperation.InsertAt(1, 1, "hallo"), "web-victim", 1, victim);

        Assert.False(edit.Duplicate);
        Assert.Equal("!hallo", session.Text);
        Assert.True(session.Submit(1, TextOperation.InsertAt(1, 1, "hallo"), "web-victim", 1, victim).Duplicate);
    }
}
