using System.Globalization;
using System.Text.Json;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// A logistic regression over the features of a person-name candidate (<see cref="PersonFeatures"/>), fitted on the
/// training half of the synthetic corpus by <c>proeftuin anonymization fit-person-model</c> and shipped as
/// Lexicons/person-model.json (embedded). The rules decide first; the model overrules them only where their reason is
/// weak (ADR 11, amendment).
/// </summary>
internal sealed class PersonModel
{
    public const string ResourceName = "Proeftuin.Core.Anonymization.Lexicons.person-model.json";

    private readonly double[] _weights;

    public PersonModel(double[] weights, double addThreshold, double dropThreshold)
    {
        if (weights.Length != PersonFeatures.Count)
        {
            throw new ArgumentException($"The model has {weights.Length} weights; the features are {PersonFeatures.Count}.", nameof(weights));
        }

        _weights = weights;
        AddThreshold = addThreshold;
        DropThreshold = dropThreshold;
    }

    /// <summary>The shipped model, loaded once per process.</summary>
    public static PersonModel Default { get; } = Load();

    /// <summary>A word the rules left out becomes a name at or above this probability (above 1: never).</summary>
    public double AddThreshold { get; }

    /// <summary>A weak rule name is dropped below this probability (0 or less: never).</summary>
    public double DropThreshold { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Thresholds that overrule nothing: the fitting found no gain worth the risk, the rules decide alone.</summary>
    public bool Silent => AddThreshold > 1 && DropThreshold <= 0;

    public double Probability(ReadOnlySpan<double> features)
    {
        var z = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>The model file: feature names (which must match <see cref="PersonFeatures.Names"/>), weights, threshold.</summary>
    public static PersonModel Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var names = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToArray();
        if (!names.SequenceEqual(PersonFeatures.Names))
        {
            throw new InvalidOperationException("person-model.json was fitted on other features; run `proeftuin anonymization fit-person-model` again.");
        }

        var weights = root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new PersonModel(weights, root.GetProperty("add_threshold").GetDouble(), root.GetProperty("drop_threshold").GetDouble());
    }

    public string ToJson(IReadOnlyDictionary<string, object> about)
    {
        var model = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["about"] = about,
            ["features"] = PersonFeatures.Names,
            ["weights"] = _weights.Select(w => Math.Round(w, 6)).ToArray(),
            ["add_threshold"] = AddThreshold,
            ["drop_threshold"] = DropThreshold,
        };
        return JsonSerializer.Serialize(model, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static PersonModel Load()
    {
        using var stream = typeof(PersonModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("person-model.json is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>The features of one candidate word, in the order of the model's weights. All are 0 or 1 but the rule score.</summary>
internal static class PersonFeatures
{
    public static readonly string[] Names =
    [
        "bias", "rule_says_name", "rule_score", "first_name", "surname", "ambiguous_name", "not_name", "dutch_word", "english_word",
        "in_no_dictionary", "capitalised", "all_caps", "lower_case", "sentence_start", "after_title", "role_label_or_age_context",
        "speech_verb_after", "age_in_brackets_after", "previous_is_name", "next_is_name", "next_capitalised", "name_shaped",
        "text_in_lower_case", "text_in_capitals", "text_in_english", "shorter_than_3",
    ];

    public static int Count => Names.Length;

    public static string Describe(IReadOnlyList<double> weights) =>
        string.Join(", ", Names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {weights[i]:0.00}")));
}

/// <summary>A word the model was asked about, with its features: what the fitting tool learns from.</summary>
internal sealed record PersonCandidate(int Start, int End, double[] Features);
