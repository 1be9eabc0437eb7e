using System.Text.Json;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>
/// The detector on the dev corpus (tests/data/anonymization/dev.jsonl, a copy of the shared corpus). The floor in
/// floor.json only ever rises: raise it when the detector improves, never lower it to make a change pass.
/// </summary>
public sealed class Dev_corpus_floor
{
    private static readonly Evaluation Result = Evaluate();

    private static Evaluation Evaluate()
    {
        using var reader = File.OpenText(DataFile("dev.jsonl"));
        return new CorpusEvaluator(AnonymizationDetector.Default).Evaluate(CorpusEvaluator.Read(reader));
    }

    [Fact]
    public void Meets_the_acceptance_thresholds()
    {
        foreach (var category in new[] { "BSN", "PHONE", "EMAIL", "POSTCODE", "IBAN", "DATE" })
        {
            Assert.True(Result.PerCategory[category].Recall >= 0.99, $"{category} recall {Result.PerCategory[category].Recall:0.000} < 0.99");
        }

        Assert.True(Result.PerCategory["PERSON"].Recall >= 0.95, $"PERSON recall {Result.PerCategory["PERSON"].Recall:0.000} < 0.95");
        Assert.True(Result.Overall.Precision >= 0.90, $"precision {Result.Overall.Precision:0.000} < 0.90");
    }

    [Fact]
    public void Never_drops_below_the_floor()
    {
        using var floor = JsonDocument.Parse(File.ReadAllText(DataFile("floor.json")));
        var failures = new List<string>();
        foreach (var category in floor.RootElement.GetProperty("per_category").EnumerateObject())
        {
            var score = Result.PerCategory[category.Name];
            Check(failures, $"{category.Name} recall", score.Recall, category.Value.GetProperty("recall").GetDouble());
            Check(failures, $"{category.Name} precision", score.Precision, category.Value.GetProperty("precision").GetDouble());
        }

        var overall = floor.RootElement.GetProperty("overall");
        Check(failures, "overall recall", Result.Overall.Recall, overall.GetProperty("recall").GetDouble());
        Check(failures, "overall precision", Result.Overall.Precision, overall.GetProperty("precision").GetDouble());

        Assert.True(failures.Count == 0, string.Join('\n', failures.Concat(Result.Misses.Select(m => "missed " + m)).Concat(Result.FalsePositives.Select(f => "wrong " + f))));
    }

    private static void Check(List<string> failures, string name, double actual, double floor)
    {
        if (actual < floor)
        {
            failures.Add($"{name} fell to {actual:0.0000}, floor {floor:0.0000}");
        }
    }

    private static string DataFile(string name) => Proeftuin.Testing.RepositoryRoot.Combine("tests", "data", "anonymization", name);
}
