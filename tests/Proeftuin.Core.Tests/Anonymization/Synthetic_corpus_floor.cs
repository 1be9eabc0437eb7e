using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>
/// The acceptance floors of issue 15 on the dev corpus and on the held-out half of the synthetic corpus
/// (tests/data/anonymization/synthetic-eval.jsonl, by scripts/generate-anonymization-corpus.py), whose names are in no
/// lexicon and in no training text: PERSON recall ≥ 0.97, identifiers ≥ 0.99, precision ≥ 0.92.
/// </summary>
public sealed class Synthetic_corpus_floor
{
    private static readonly string[] Identifiers = ["BSN", "PHONE", "EMAIL", "POSTCODE", "IBAN", "DATE", "ID"];

    [Theory]
    [InlineData("dev.jsonl")]
    [InlineData("synthetic-eval.jsonl")]
    [InlineData("synthetic-train.jsonl")]
    public void Meets_the_generalisation_floors(string corpus)
    {
        using var reader = File.OpenText(CorpusFiles.Path(corpus));
        var result = new CorpusEvaluator(AnonymizationDetector.Default).Evaluate(CorpusEvaluator.Read(reader));

        var failures = new List<string>();
        foreach (var category in Identifiers)
        {
            if (result.PerCategory[category].Recall < 0.99)
            {
                failures.Add($"{category} recall {result.PerCategory[category].Recall:0.000} < 0.99");
            }
        }

        if (result.PerCategory["PERSON"].Recall < 0.97)
        {
            failures.Add($"PERSON recall {result.PerCategory["PERSON"].Recall:0.000} < 0.97");
        }

        if (result.Overall.Precision < 0.92)
        {
            failures.Add($"precision {result.Overall.Precision:0.000} < 0.92");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Concat(result.Misses.Take(40).Select(m => "missed " + m))));
    }

    [Fact]
    public void The_synthetic_corpus_is_large_and_varied()
    {
        var documents = new[] { "synthetic-train.jsonl", "synthetic-eval.jsonl" }
            .SelectMany(f => CorpusEvaluator.Read(File.OpenText(CorpusFiles.Path(f))))
            .ToList();

        Assert.True(documents.Count >= 1000, $"{documents.Count} texts");
        var styles = documents.Select(d => d.Id[(d.Id.LastIndexOf('-') + 1)..]).Distinct().ToList();
        Assert.True(styles.Count >= 8, string.Join(", ", styles));
        Assert.All(documents, d => Assert.All(d.Spans, s => Assert.Equal(s.Text, d.Text[s.Start..s.End])));
    }

    [Fact]
    public void Held_out_names_are_in_no_lexicon_and_no_training_text()
    {
        var heldOut = new[] { "eval-first.txt", "eval-last.txt" }
            .SelectMany(f => File.ReadAllLines(CorpusFiles.Path(Path.Combine("names", f))))
            .Where(n => n.Length > 0)
            .ToList();
        var training = new[] { "train-first.txt", "train-last.txt" }
            .SelectMany(f => File.ReadAllLines(CorpusFiles.Path(Path.Combine("names", f))))
            .Select(n => Lexicon.Normalize(n))
            .ToHashSet();

        Assert.True(heldOut.Count > 1000);
        Assert.DoesNotContain(heldOut, n => Lexicon.FirstNames.Contains(n) || Lexicon.Surnames.Contains(n) || training.Contains(Lexicon.Normalize(n)));
    }
}

internal static class CorpusFiles
{
    public static string Path(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Proeftuin.sln")))
        {
            directory = directory.Parent;
        }

        return System.IO.Path.Combine(directory!.FullName, "tests", "data", "anonymization", name);
    }
}
