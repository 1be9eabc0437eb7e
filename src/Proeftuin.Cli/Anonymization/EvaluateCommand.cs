using System.Globalization;
using System.Text.Json;
using Proeftuin.Cli.Commands;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Cli.Anonymization;

/// <summary>
/// <c>proeftuin anonymization evaluate [CORPUS.jsonl …] [--json] [--verbose]</c>: recall, precision and F2 per category
/// and overall, per corpus. Without a file it scores the repository's dev corpus and the held-out half of the synthetic
/// corpus (tests/data/anonymization/dev.jsonl and synthetic-eval.jsonl, from the repository root). With --json each
/// corpus's table is followed by one JSON object of its scores (so the last line is the last corpus's); with --verbose
/// the misses and false positives too.
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    private static readonly string[] DefaultCorpora =
    [
        System.IO.Path.Combine("tests", "data", "anonymization", "dev.jsonl"),
        System.IO.Path.Combine("tests", "data", "anonymization", "synthetic-eval.jsonl"),
    ];

    public IReadOnlyList<string> Path { get; } = ["anonymization", "evaluate"];

    public string Usage => "anonymization evaluate [CORPUS.jsonl ...] [--json] [--verbose]   de detector scoren (standaard: dev-corpus en synthetische toetshelft)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            files = [.. DefaultCorpora];
        }

        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            await console.Error.WriteLineAsync($"Bestand niet gevonden: {missing}. Gebruik: proeftuin anonymization evaluate [CORPUS.jsonl ...] [--json]");
            return 2;
        }

        foreach (var file in files)
        {
            IReadOnlyList<CorpusDocument> documents;
            using (var reader = File.OpenText(file))
            {
                try
                {
                    documents = CorpusEvaluator.Read(reader);
                }
                catch (FormatException ex)
                {
                    await console.Error.WriteLineAsync($"{file}: {ex.Message}");
                    return 2;
                }
            }

            await ReportAsync(file, documents, args, console);
        }

        return 0;
    }

    private static async Task ReportAsync(string file, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<string> args, CliConsole console)
    {
        var evaluation = new CorpusEvaluator(AnonymizationDetector.Default).Evaluate(documents);
        await console.Out.WriteLineAsync($"corpus {file} ({documents.Count} teksten)");
        if (args.Contains("--verbose"))
        {
            foreach (var line in evaluation.Misses.Select(m => "gemist: " + m).Concat(evaluation.FalsePositives.Select(f => "onterecht: " + f)))
            {
                await console.Out.WriteLineAsync(line);
            }
        }

        await console.Out.WriteLineAsync($"{"categorie",-12} {"recall",7} {"precisie",9} {"aantal",7}");
        foreach (var (category, score) in evaluation.PerCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{category,-12} {score.Recall,7:0.000} {score.Precision,9:0.000} {score.Support,7}"));
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"totaal",-12} {evaluation.Overall.Recall,7:0.000} {evaluation.Overall.Precision,9:0.000}   F2 {evaluation.Overall.F2:0.000}"));
        if (args.Contains("--json"))
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(evaluation));
        }
    }
}
