using System.Text.Json.Nodes;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>The C# engine gives exactly the results in the vectors file the TypeScript engine is tested against.</summary>
public sealed class Shared_test_vectors
{
    private static readonly JsonObject Vectors = LoadOrWrite();

    private static JsonObject LoadOrWrite()
    {
        if (Environment.GetEnvironmentVariable("PROEFTUIN_WRITE_OT_VECTORS") == "1")
        {
            File.WriteAllText(OperationVectors.FilePath, OperationVectors.Serialize(OperationVectors.Generate()));
        }

        return OperationVectors.Load();
    }

    private static TextOperation Op(JsonNode? node) => TextOperation.FromJson(node!.ToJsonString());

    private static JsonArray Cases(string name)
    {
        var cases = Vectors[name]!.AsArray();
        Assert.NotEmpty(cases);
        return cases;
    }

    [Fact]
    public void Apply()
    {
        foreach (var v in Cases("apply"))
        {
            Assert.Equal((string)v!["expected"]!, Op(v["op"]).Apply((string)v["doc"]!));
        }
    }

    [Fact]
    public void Compose()
    {
        foreach (var v in Cases("compose"))
        {
            Assert.Equal(v!["expected"]!.ToJsonString(), TextOperation.Compose(Op(v["a"]), Op(v["b"])).ToJson());
        }
    }

    [Fact]
    public void Transform()
    {
        foreach (var v in Cases("transform"))
        {
            var (aPrime, bPrime) = TextOperation.Transform(Op(v!["a"]), Op(v["b"]));
            Assert.Equal(v["aPrime"]!.ToJsonString(), aPrime.ToJson());
            Assert.Equal(v["bPrime"]!.ToJsonString(), bPrime.ToJson());
            Assert.Equal((string)v["expected"]!, aPrime.Apply(Op(v["b"]).Apply((string)v["doc"]!)));
        }
    }

    [Fact]
    public void Invert()
    {
        foreach (var v in Cases("invert"))
        {
            Assert.Equal(v!["expected"]!.ToJsonString(), Op(v["op"]).Invert((string)v["doc"]!).ToJson());
        }
    }

    [Fact]
    public void Transform_index()
    {
        foreach (var v in Cases("transformIndex"))
        {
            Assert.Equal((int)v!["expected"]!, Op(v["op"]).TransformIndex((int)v["index"]!, (bool)v["own"]!));
        }
    }

    [Fact]
    public void Invalid_operations()
    {
        foreach (var v in Cases("invalid"))
        {
            var error = Assert.ThrowsAny<OperationException>(() =>
            {
                var op = TextOperation.FromJson((string)v!["json"]!);
                op.Apply((string)v["doc"]!);
            });
            Assert.Equal((string)v!["error"]!, error.Code);
        }
    }
}
