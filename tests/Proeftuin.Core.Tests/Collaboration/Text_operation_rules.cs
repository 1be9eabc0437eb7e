using System.Text.Json;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Text_operation_rules
{
    private static TextOperation Op(string json) => TextOperation.FromJson(json);

    [Fact]
    public void Apply_retains_inserts_and_deletes_utf16_units()
    {
        var result = Op("[2,\"é€\",-1,1]").Apply("abcd");

        Assert.Equal("abé€d", result);
    }

    [Fact]
    public void Apply_in_place_matches_apply()
    {
        var text = new GapBuffer("hello world");
        var op = Op("[6,\"brave new \",-5,\"wereld\"]");

        op.ApplyTo(text);

        Assert.Equal(op.Apply("hello world"), text.ToString());
    }

    [Fact]
    public void Wrong_base_length_is_refused_and_changes_nothing()
    {
        var text = new GapBuffer("abc");

        var error = Assert.Throws<OperationException>(() => Op("[5,\"x\"]").ApplyTo(text));

        Assert.Equal("operation.length", error.Code);
        Assert.Equal("abc", text.ToString());
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("[\"\"]")]
    [InlineData("[1.5]")]
    [InlineData("[true]")]
    [InlineData("[[1]]")]
    [InlineData("{\"retain\":1}")]
    [InlineData("[1,")]
    [InlineData("[1] [2]")]
    [InlineData("")]
    [InlineData("[-2147483648]")]
    [InlineData("[99999999999]")]
    public void Malformed_json_is_a_specific_error(string json) =>
        Assert.Equal("operation.malformed", Assert.Throws<OperationException>(() => Op(json)).Code);

    [Fact]
    public void Wire_form_is_normalised()
    {
        var op = TextOperation.Builder().Retain(1).Retain(2).Delete(1).Insert("a").Insert("b").Delete(2).Retain(0).Insert("").Build();

        Assert.Equal("[3,\"ab\",-3]", op.ToJson());
        Assert.Equal(op, Op(op.ToJson()));
    }

    [Fact]
    public void Operation_travels_inside_json_messages()
    {
        var message = new Envelope(7, Op("[1,\"x\",-1]"));

        var json = JsonSerializer.Serialize(message);
        var back = JsonSerializer.Deserialize<Envelope>(json)!;

        Assert.Equal("{\"Revision\":7,\"Operation\":[1,\"x\",-1]}", json);
        Assert.Equal(message.Operation, back.Operation);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Envelope>("{\"Revision\":7,\"Operation\":[0]}"));
    }

    [Fact]
    public void Compose_equals_applying_one_after_the_other()
    {
        var first = Op("[3,\"XY\",-2,1]");
        var second = Op("[1,-3,\"z\",2]");

        var composed = TextOperation.Compose(first, second);

        Assert.Equal(second.Apply(first.Apply("abcdef")), composed.Apply("abcdef"));
    }

    [Fact]
    public void Concurrent_inserts_at_same_position_put_the_servers_earlier_op_first()
    {
        var server = TextOperation.InsertAt(4, 2, "S");
        var client = TextOperation.InsertAt(4, 2, "C");

        var (serverPrime, clientPrime) = TextOperation.Transform(server, client);

        Assert.Equal("abSCcd", clientPrime.Apply(server.Apply("abcd")));
        Assert.Equal("abSCcd", serverPrime.Apply(client.Apply("abcd")));
    }

    [Fact]
    public void Transform_of_overlapping_deletes_deletes_once()
    {
        var a = TextOperation.DeleteAt(6, 1, 3);
        var b = TextOperation.DeleteAt(6, 2, 3);

        var (aPrime, bPrime) = TextOperation.Transform(a, b);

        Assert.Equal("af", bPrime.Apply(a.Apply("abcdef")));
        Assert.Equal("af", aPrime.Apply(b.Apply("abcdef")));
    }

    [Fact]
    public void Invert_undoes_the_operation()
    {
        const string text = "Samenhang met de klachten";
        var op = Op("[10,-4,\"bij\",11]");

        Assert.Equal(text, op.Invert(text).Apply(op.Apply(text)));
    }

    [Theory]
    [InlineData(2, false, 2)]
    [InlineData(2, true, 5)]
    [InlineData(1, false, 1)]
    [InlineData(4, false, 7)]
    public void Cursor_moves_with_inserts_before_it_and_own_inserts_at_it(int cursor, bool own, int expected) =>
        Assert.Equal(expected, TextOperation.InsertAt(6, 2, "xyz").TransformIndex(cursor, own));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 3)]
    public void Cursor_inside_a_deletion_lands_at_its_start(int cursor, int expected) =>
        Assert.Equal(expected, TextOperation.DeleteAt(6, 1, 2).TransformIndex(cursor, false));

    private sealed record Envelope(long Revision, TextOperation Operation);
}
