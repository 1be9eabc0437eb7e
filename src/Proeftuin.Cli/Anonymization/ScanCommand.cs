using System.Text.Json;
using Proeftuin.Cli.Commands;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Cli.Anonymization;

/// <summary><c>proeftuin scan [--json] FILE</c>: prints what may identify someone in a text file.</summary>
internal sealed class ScanCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["scan"];

    public string Usage => "scan [--json] BESTAND   mogelijk identificerende gegevens in een tekst tonen";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count != 1)
        {
            await console.Error.WriteLineAsync("Gebruik: proeftuin scan [--json] BESTAND");
            return 2;
        }

        if (!File.Exists(files[0]))
        {
            await console.Error.WriteLineAsync($"Bestand niet gevonden: {files[0]}");
            return 2;
        }

        var text = await File.ReadAllTextAsync(files[0], cancellationToken);
        var findings = AnonymizationDetector.Default.Scan(text);
        if (json)
        {
            var items = findings.Select(f => new { start = f.Start, end = f.End, category = CategoryNames.Code(f.Category), text = f.TextIn(text) });
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(items));
            return 0;
        }

        foreach (var finding in findings)
        {
            await console.Out.WriteLineAsync($"{finding.Start,6}-{finding.End,-6} {CategoryNames.Code(finding.Category),-12} {finding.TextIn(text)}");
        }

        await console.Out.WriteLineAsync(findings.Count == 0 ? "Niets gevonden." : $"{findings.Count} mogelijk identificerende gegevens.");
        return 0;
    }
}
