using System.Text.Json.Nodes;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>
/// OT cases worked out by hand (tests/data/collaboration/ot-vectors-by-hand.json, the working in each comment): unlike
/// the generated vectors, their expected results do not come from the engine they test. The TypeScript engine checks
/// the same file.
/// </summary>
public sealed class Hand_worked_vectors
{
    private static readonly JsonObject Vectors =
        JsonNode.Parse(File.ReadAllText(Testing.RepositoryRoot.Combine("tests", "data", "collaboration", "ot-vectors-by-hand.json")))!.AsObject();

    private static TextOperation Op(JsonNode? node) => TextOperation.FromJson(node!.ToJsonString());

    private static JsonArray Cases(string name)
    {
        var cases = Vectors[name]!.AsArray();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["comment"]), "every hand-worked case shows its working"));
        return cases;
    }

    [Fact]
    public void Transform_gives_the_hand_worked_primes_and_both_orders_reach_the_same_text()
    {
        foreach (var v in Cases("transform"))
        {
            var (a, b, doc) = (Op(v!["a"]), Op(v["b"]), (string)v["doc"]!);
            var (aPrime, bPrime) = TextOperation.Transform(a, b);
            Assert.Equal(v["aPrime"]!.ToJsonString(), aPrime.ToJson());
            Assert.Equal(v["bPrime"]!.ToJsonString(), bPrime.ToJson());
            Assert.Equal((string)v["expected"]!, bPrime.Apply(a.Apply(doc)));
            Assert.Equal((string)v["expected"]!, aPrime.Apply(b.Apply(doc)));
        }
    }

    [Fact]
    public void Compose_gives_the_hand_worked_operation_and_text()
    {
        foreach (var v in Cases("compose"))
        {
            var composed = TextOperation.Compose(Op(v!["a"]), Op(v["b"]));
            Assert.Equal(v["expected"]!.ToJsonString(), composed.ToJson());
            Assert.Equal((string)v["text"]!, composed.Apply((string)v["doc"]!));
        }
    }

    [Fact]
    public void Invert_gives_the_hand_worked_inverse_which_restores_the_text()
    {
        foreach (var v in Cases("invert"))
        {
            var (op, doc) = (Op(v!["op"]), (string)v["doc"]!);
            var inverse = op.Invert(doc);
            Assert.Equal(v["expected"]!.ToJsonString(), inverse.ToJson());
            Assert.Equal(doc, inverse.Apply(op.Apply(doc)));
        }
    }

    [Fact]
    public void Transform_index_moves_cursors_as_worked_out()
    {
        foreach (var v in Cases("transformIndex"))
        {
            Assert.Equal((int)v!["expected"]!, Op(v["op"]).TransformIndex((int)v["index"]!, (bool)v["own"]!));
        }
    }

    [Fact]
    public void Apply_gives_the_hand_worked_text()
    {
        foreach (var v in Cases("apply"))
        {
            Assert.Equal((string)v!["expected"]!, Op(v["op"]).Apply((string)v["doc"]!));
        }
    }

    [Fact]
    public void Mismatched_lengths_are_refused_with_the_worked_out_error()
    {
        foreach (var v in Cases("invalid"))
        {
            var (a, b) = (TextOperation.FromJson((string)v!["a"]!), TextOperation.FromJson((string)v["b"]!));
            var error = Assert.Throws<OperationException>(() =>
            {
                _ = (string)v["kind"]! == "transform" ? TextOperation.Transform(a, b).APrime : TextOperation.Compose(a, b);
            });
            Assert.Equal((string)v["error"]!, error.Code);
        }
    }
}
