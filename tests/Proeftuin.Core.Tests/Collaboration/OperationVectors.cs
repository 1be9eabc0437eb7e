using System.Text.Json;
using System.Text.Json.Nodes;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>
/// The test vectors shared with the TypeScript implementation (tests/data/collaboration/ot-vectors.json). Generated
/// once from fixed seeds; regenerate only on purpose with PROEFTUIN_WRITE_OT_VECTORS=1 and review the diff. Their
/// expected results come from this engine, so they guard against drift between C# and TypeScript, not against a shared
/// mistake: ot-vectors-by-hand.json (<see cref="Hand_worked_vectors"/>) holds cases worked out by hand for that.
/// </summary>
internal static class OperationVectors
{
    public static string FilePath => Testing.RepositoryRoot.Combine("tests", "data", "collaboration", "ot-vectors.json");

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

    public static JsonObject Generate()
    {
        var random = new Random(20261124);
        var apply = new JsonArray();
        var compose = new JsonArray();
        var transform = new JsonArray();
        var invert = new JsonArray();
        var index = new JsonArray();

        foreach (var (doc, op) in HandWritten())
        {
            apply.Add(new JsonObject { ["doc"] = doc, ["op"] = Json(op), ["expected"] = op.Apply(doc) });
        }

        for (var i = 0; i < 150; i++)
        {
            var doc = RandomOperations.Text(random, 20);
            var a = RandomOperations.Edit(random, doc.Length);
            var b = RandomOperations.Edit(random, doc.Length);
            var next = RandomOperations.Edit(random, a.TargetLength);
            apply.Add(new JsonObject { ["doc"] = doc, ["op"] = Json(a), ["expected"] = a.Apply(doc) });
            compose.Add(new JsonObject { ["doc"] = doc, ["a"] = Json(a), ["b"] = Json(next), ["expected"] = Json(TextOperation.Compose(a, next)) });
            var (aPrime, bPrime) = TextOperation.Transform(a, b);
            transform.Add(new JsonObject { ["doc"] = doc, ["a"] = Json(a), ["b"] = Json(b), ["aPrime"] = Json(aPrime), ["bPrime"] = Json(bPrime), ["expected"] = bPrime.Apply(a.Apply(doc)) });
            invert.Add(new JsonObject { ["doc"] = doc, ["op"] = Json(a), ["expected"] = Json(a.Invert(doc)) });
            var cursor = random.Next(doc.Length + 1);
            var own = random.Next(2) == 0;
            index.Add(new JsonObject { ["op"] = Json(a), ["index"] = cursor, ["own"] = own, ["expected"] = a.TransformIndex(cursor, own) });
        }

        var invalid = new JsonArray();
        foreach (var json in new[] { "[0]", "[\"\"]", "[1.5]", "[true]", "[[1]]", "{}", "[1,", "[null]", "\"abc\"", "[-2147483648]" })
        {
            invalid.Add(new JsonObject { ["kind"] = "parse", ["json"] = json, ["error"] = "operation.malformed" });
        }

        invalid.Add(new JsonObject { ["kind"] = "apply", ["doc"] = "abc", ["json"] = "[2,\"x\"]", ["error"] = "operation.length" });
        invalid.Add(new JsonObject { ["kind"] = "apply", ["doc"] = "abc", ["json"] = "[4]", ["error"] = "operation.length" });
        invalid.Add(new JsonObject { ["kind"] = "apply", ["doc"] = "", ["json"] = "[-1]", ["error"] = "operation.length" });

        return new JsonObject
        {
            ["description"] = "Shared OT test vectors: C# (Proeftuin.Core.Tests) and TypeScript (client/collaboration) must give these exact results.",
            ["apply"] = apply,
            ["compose"] = compose,
            ["transform"] = transform,
            ["invert"] = invert,
            ["transformIndex"] = index,
            ["invalid"] = invalid,
        };
    }

    private static IEnumerable<(string Doc, TextOperation Op)> HandWritten() =>
    [
        ("", TextOperation.Builder().Insert("Hallo").Build()),
        ("abc", TextOperation.Builder().Retain(3).Build()),
        ("abc", TextOperation.Builder().Delete(3).Build()),
        ("abc", TextOperation.Builder().Delete(1).Insert("X").Retain(2).Build()),
        ("abcd", TextOperation.Builder().Retain(2).Insert("é€中").Delete(1).Retain(1).Build()),
        ("regel\nregel", TextOperation.Builder().Retain(5).Insert("\n").Retain(6).Build()),
    ];

    private static JsonNode Json(TextOperation op) => JsonNode.Parse(op.ToJson())!;

    public static string Serialize(JsonObject vectors) =>
        vectors.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
