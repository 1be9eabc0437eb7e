using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Benchmarks.Anonymization;

/// <summary>Scanning a 10 kB Dutch case text (the bar: &lt; 1 ms), built from the dev corpus in the repo.</summary>
[MemoryDiagnoser]
public class ScanBenchmark
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder();
        foreach (var line in File.ReadLines(Proeftuin.Testing.RepositoryRoot.Combine("tests", "data", "anonymization", "dev.jsonl")))
        {
            builder.Append(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()).Append("\n\n");
            if (builder.Length >= 10_240)
            {
                break;
            }
        }

        _text = builder.ToString(0, 10_240);
    }

    [Benchmark]
    public int Scan_10kB() => AnonymizationDetector.Default.Scan(_text).Count;
}
