using System.Globalization;
using System.Text.Json;
using Proeftuin.Cli.Commands;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Cli.Anonymization;

/// <summary>
/// <c>proeftuin anonymization evaluate CORPUS.jsonl [--json] [--verbose]</c>: recall, precision and F2 per category and
/// overall; with --json the last line is one JSON object; with --verbose the misses and false positives too.
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["anonymization", "evaluate"];

    public string Usage => "anonymization evaluate CORPUS.jsonl [--json] [--verbose]   de detector scoren op een corpus";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1 || !File.Exists(files[0]))
        {
            await console.Error.WriteLineAsync(files.Count == 1 ? $"Bestand niet gevonden: {files[0]}" : "Gebruik: proeftuin anonymization evaluate CORPUS.jsonl [--json]");
            return 2;
        }

        IReadOnlyList<CorpusDocument> documents;
        using (var reader = File.OpenText(files[0]))
        {
            try
            {
                documents = CorpusEvaluator.Read(reader);
            }
            catch (FormatException ex)
            {
                await console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        }

        var evaluation = new CorpusEvaluator(AnonymizationDetector.Default).Evaluate(documents);
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

        return 0;
    }
}
