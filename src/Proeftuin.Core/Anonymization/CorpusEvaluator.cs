using System.Text.Json;
using System.Text.Json.Serialization;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Scores the detector on a JSONL corpus (tests/data/anonymization/README.md). A gold span is found when a finding of
/// its category overlaps at least half of it; a finding that overlaps no gold span at all is a false positive.
/// </summary>
public sealed class CorpusEvaluator(AnonymizationDetector detector)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<CorpusDocument> Read(TextReader reader)
    {
        var documents = new List<CorpusDocument>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                documents.Add(JsonSerializer.Deserialize<CorpusDocument>(line, JsonOptions) ?? throw new JsonException("empty"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Regel {lineNumber} van het corpus is geen geldig document: {ex.Message}", ex);
            }
        }

        return documents;
    }

    public Evaluation Evaluate(IEnumerable<CorpusDocument> documents)
    {
        var counts = Enum.GetValues<Category>().ToDictionary(c => c, _ => new Counts());
        int allFindings = 0, falsePositives = 0, goldTotal = 0, goldFound = 0;
        var misses = new List<string>();
        var spurious = new List<string>();
        foreach (var document in documents)
        {
            var gold = document.Spans.Select(s => (s.Start, s.End, Category: Parse(s.Category))).ToList();
            var findings = detector.Scan(document.Text);
            foreach (var span in gold)
            {
                var found = findings.Any(f => f.Category == span.Category && OverlapLength(f.Start, f.End, span.Start, span.End) * 2 >= span.End - span.Start);
                counts[span.Category].Support++;
                goldTotal++;
                if (found)
                {
                    counts[span.Category].Found++;
                    goldFound++;
                }
                else
                {
                    misses.Add($"{document.Id} {CategoryNames.Code(span.Category)} \"{document.Text[span.Start..span.End]}\"");
                }
            }

            foreach (var finding in findings)
            {
                allFindings++;
                counts[finding.Category].Predicted++;
                if (gold.Any(g => g.Category == finding.Category && OverlapLength(finding.Start, finding.End, g.Start, g.End) > 0))
                {
                    counts[finding.Category].Correct++;
                }

                if (!gold.Any(g => OverlapLength(finding.Start, finding.End, g.Start, g.End) > 0))
                {
                    falsePositives++;
                    spurious.Add($"{document.Id} {CategoryNames.Code(finding.Category)} \"{finding.TextIn(document.Text)}\" ({finding.Rule})");
                }
            }
        }

        var recall = Ratio(goldFound, goldTotal);
        var precision = Ratio(allFindings - falsePositives, allFindings);
        return new Evaluation(
            new OverallScore(recall, precision, F2(recall, precision)),
            counts.Where(c => c.Value.Support > 0 || c.Value.Predicted > 0).ToDictionary(
                c => CategoryNames.Code(c.Key),
                c => new CategoryScore(Ratio(c.Value.Found, c.Value.Support), Ratio(c.Value.Correct, c.Value.Predicted), c.Value.Support)),
            misses,
            spurious);
    }

    private static Category Parse(string code) =>
        CategoryNames.TryParse(code, out var category) ? category : throw new FormatException($"Onbekende categorie '{code}' in het corpus.");

    private static int OverlapLength(int aStart, int aEnd, int bStart, int bEnd) => Math.Max(0, Math.Min(aEnd, bEnd) - Math.Max(aStart, bStart));

    private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;

    private static double F2(double recall, double precision) =>
        recall + precision == 0 ? 0 : 5 * precision * recall / ((4 * precision) + recall);

    private sealed class Counts
    {
        public int Support { get; set; }

        public int Found { get; set; }

        public int Predicted { get; set; }

        public int Correct { get; set; }
    }
}

public sealed record CorpusDocument(string Id, string Text, IReadOnlyList<CorpusSpan> Spans);

public sealed record CorpusSpan(int Start, int End, string Category, string? Text);

public sealed record OverallScore(
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("f2")] double F2);

public sealed record CategoryScore(
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("support")] int Support);

/// <summary>The scores, and for people improving the rules: what was missed and what was flagged wrongly.</summary>
public sealed record Evaluation(
    [property: JsonPropertyName("overall")] OverallScore Overall,
    [property: JsonPropertyName("per_category")] IReadOnlyDictionary<string, CategoryScore> PerCategory,
    [property: JsonIgnore] IReadOnlyList<string> Misses,
    [property: JsonIgnore] IReadOnlyList<string> FalsePositives);
