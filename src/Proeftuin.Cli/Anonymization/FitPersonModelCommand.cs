using Proeftuin.Cli.Commands;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Cli.Anonymization;

/// <summary>
/// <c>proeftuin anonymization fit-person-model [TRAIN.jsonl] [--out FILE]</c>: fits the person-name model on the training
/// half of the synthetic corpus and writes the model file the detector embeds. Run from the repository root; the
/// defaults are tests/data/anonymization/synthetic-train.jsonl and src/Proeftuin.Core/Anonymization/Lexicons/person-model.json.
/// Deterministic: the same corpus and code give the same file. Rebuild Proeftuin.Core afterwards to embed it.
/// </summary>
internal sealed class FitPersonModelCommand : ICliCommand
{
    private static readonly string DefaultTrain = System.IO.Path.Combine("tests", "data", "anonymization", "synthetic-train.jsonl");

    private static readonly string DefaultOut = System.IO.Path.Combine("src", "Proeftuin.Core", "Anonymization", "Lexicons", "person-model.json");

    public IReadOnlyList<string> Path { get; } = ["anonymization", "fit-person-model"];

    public string Usage => "anonymization fit-person-model [TRAIN.jsonl] [--out FILE]   het scoremodel voor namen fitten (standaard: synthetische trainhelft)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var outIndex = args.ToList().IndexOf("--out");
        if (outIndex >= 0 && outIndex + 1 >= args.Count)
        {
            await console.Error.WriteLineAsync("--out zonder bestand. Gebruik: proeftuin anonymization fit-person-model [TRAIN.jsonl] [--out BESTAND]");
            return 2;
        }

        var output = outIndex >= 0 ? args[outIndex + 1] : DefaultOut;
        var train = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (outIndex < 0 || i != outIndex + 1)).FirstOrDefault() ?? DefaultTrain;
        if (!File.Exists(train))
        {
            await console.Error.WriteLineAsync($"Bestand niet gevonden: {train}. Gebruik: proeftuin anonymization fit-person-model [TRAIN.jsonl] [--out BESTAND]");
            return 2;
        }

        IReadOnlyList<CorpusDocument> documents;
        using (var reader = File.OpenText(train))
        {
            try
            {
                documents = CorpusEvaluator.Read(reader);
            }
            catch (FormatException ex)
            {
                await console.Error.WriteLineAsync($"{train}: {ex.Message}");
                return 2;
            }
        }

        var json = PersonModelFitter.Fit(documents, train.Replace('\\', '/'));
        await File.WriteAllTextAsync(output, json, cancellationToken);
        await console.Out.WriteLineAsync($"model geschreven naar {output} ({documents.Count} teksten)");
        return 0;
    }
}
