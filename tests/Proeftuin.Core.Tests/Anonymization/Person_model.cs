using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Anonymization.Rules;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>
/// The person-name model (ADR 11, amendment): the file the detector embeds is exactly what the fitting command makes of
/// the training half, fitting is deterministic, and a model that would overrule the rules does change their decision.
/// </summary>
public sealed class Person_model
{
    private static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Proeftuin.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory!.FullName, .. parts]);
    }

    private static string FitOnTrainingHalf()
    {
        using var reader = File.OpenText(RepositoryFile("tests", "data", "anonymization", "synthetic-train.jsonl"));
        return PersonModelFitter.Fit(CorpusEvaluator.Read(reader), "tests/data/anonymization/synthetic-train.jsonl");
    }

    [Fact]
    public void The_shipped_model_is_what_fitting_the_training_half_gives_and_fitting_is_deterministic()
    {
        var first = FitOnTrainingHalf();
        var second = FitOnTrainingHalf();

        Assert.Equal(first, second);
        var shipped = File.ReadAllText(RepositoryFile("src", "Proeftuin.Core", "Anonymization", "Lexicons", "person-model.json"));
        Assert.Equal(first.ReplaceLineEndings(), shipped.ReplaceLineEndings());
        Assert.Equal(PersonFeatures.Count, PersonModel.Default.Weights.Count);
    }

    [Fact]
    public void A_model_that_overrules_drops_a_weak_rule_name_and_adds_a_word_the_rules_left_out()
    {
        // "Pieter" is a name-list name mid-sentence (a weak reason); "Zonnebloem" is a Dutch word the rules leave alone.
        const string text = "Gisteren sprak Pieter met de Zonnebloem over de afspraak.";
        var dropAll = new double[PersonFeatures.Count];
        dropAll[0] = -20;
        var addAll = new double[PersonFeatures.Count];
        addAll[0] = 20;

        var rulesOnly = Detect(text, null);
        var dropping = Detect(text, new PersonModel(dropAll, addThreshold: 2, dropThreshold: 0.5));
        var adding = Detect(text, new PersonModel(addAll, addThreshold: 0.5, dropThreshold: -1));

        Assert.Contains(rulesOnly, f => f.TextIn(text) == "Pieter");
        Assert.DoesNotContain(dropping, f => f.TextIn(text) == "Pieter");
        Assert.Contains(adding, f => f.TextIn(text) == "Zonnebloem" && f.ReasonCode == "person.model");
    }

    private static List<Finding> Detect(string text, PersonModel? model)
    {
        var findings = new List<Finding>();
        new PersonRule(model: model).Detect(new ScanInput(text), findings);
        return findings;
    }
}
