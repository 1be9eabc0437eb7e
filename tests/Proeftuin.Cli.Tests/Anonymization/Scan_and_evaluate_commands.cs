using System.Text.Json;

namespace Proeftuin.Cli.Tests.Anonymization;

public sealed class Scan_and_evaluate_commands : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "proeftuin-cli-scan", Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task Scan_json_prints_spans_with_utf16_offsets()
    {
        var file = Path.Combine(_folder, "casus.md");
        await File.WriteAllTextAsync(file, "Moeder (Khadija Azzouzi) belt op 06-12345678.");

        var (exitCode, output, _) = await CliRunner.RunAsync("scan", "--json", file);

        Assert.Equal(0, exitCode);
        var spans = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["PERSON", "PHONE"], spans.Select(s => s.GetProperty("category").GetString()));
        Assert.Equal("Khadija Azzouzi", spans[0].GetProperty("text").GetString());
        Assert.Equal(8, spans[0].GetProperty("start").GetInt32());
        Assert.Equal(23, spans[0].GetProperty("end").GetInt32());
    }

    [Fact]
    public async Task Scan_of_a_missing_file_fails_with_a_message()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("scan", Path.Combine(_folder, "bestaat-niet.md"));

        Assert.Equal(2, exitCode);
        Assert.Contains("niet gevonden", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_json_ends_with_one_object_of_scores()
    {
        var corpus = Path.Combine(_folder, "corpus.jsonl");
        await File.WriteAllLinesAsync(corpus,
        [
            """{"id":"a","text":"Bel 06-12345678 of mail a.b@c.nl.","spans":[{"start":4,"end":15,"category":"PHONE","text":"06-12345678"},{"start":24,"end":32,"category":"EMAIL","text":"a.b@c.nl"}]}""",
            """{"id":"b","text":"Niets bijzonders hier.","spans":[]}""",
        ]);

        var (exitCode, output, _) = await CliRunner.RunAsync("anonymization", "evaluate", corpus, "--json");

        Assert.Equal(0, exitCode);
        var last = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal(1.0, last.GetProperty("overall").GetProperty("recall").GetDouble());
        Assert.Equal(1.0, last.GetProperty("overall").GetProperty("precision").GetDouble());
        Assert.Equal(1.0, last.GetProperty("overall").GetProperty("f2").GetDouble());
        Assert.Equal(1, last.GetProperty("per_category").GetProperty("PHONE").GetProperty("support").GetInt32());
    }

    [Fact]
    public async Task Evaluate_counts_misses_and_false_positives()
    {
        var corpus = Path.Combine(_folder, "miss.jsonl");
        await File.WriteAllLinesAsync(corpus,
        [
            """{"id":"a","text":"Codewoord Zwaluwstaart en bel 06-12345678.","spans":[{"start":10,"end":22,"category":"ID","text":"Zwaluwstaart"}]}""",
        ]);

        var (_, output, _) = await CliRunner.RunAsync("anonymization", "evaluate", corpus, "--json");

        var last = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal(0.0, last.GetProperty("per_category").GetProperty("ID").GetProperty("recall").GetDouble());
        Assert.True(last.GetProperty("overall").GetProperty("precision").GetDouble() < 1.0);
    }

    [Fact]
    public async Task Malformed_corpus_line_is_reported_by_number()
    {
        var corpus = Path.Combine(_folder, "bad.jsonl");
        await File.WriteAllLinesAsync(corpus, ["""{"id":"a","text":"x","spans":[]}""", "{niet json"]);

        var (exitCode, _, error) = await CliRunner.RunAsync("anonymization", "evaluate", corpus);

        Assert.Equal(2, exitCode);
        Assert.Contains("Regel 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_reports_every_corpus_it_is_given()
    {
        var first = Path.Combine(_folder, "first.jsonl");
        var second = Path.Combine(_folder, "second.jsonl");
        await File.WriteAllLinesAsync(first, ["""{"id":"a","text":"Bel 06-12345678.","spans":[{"start":4,"end":15,"category":"PHONE","text":"06-12345678"}]}"""]);
        await File.WriteAllLinesAsync(second, ["""{"id":"b","text":"Mail a.b@c.nl of niet.","spans":[]}"""]);

        var (exitCode, output, _) = await CliRunner.RunAsync("anonymization", "evaluate", first, second, "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains($"corpus {first} (1 teksten)", output, StringComparison.Ordinal);
        Assert.Contains($"corpus {second} (1 teksten)", output, StringComparison.Ordinal);
        var json = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, json.Count);
        Assert.Equal(1.0, json[0].GetProperty("overall").GetProperty("recall").GetDouble());
        Assert.True(json[1].GetProperty("overall").GetProperty("precision").GetDouble() < 1.0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
