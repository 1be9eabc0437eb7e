namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Possibly identifying text at [Start, End) in UTF-16 code units. <see cref="Rule"/> names the rule that found it;
/// <see cref="Confidence"/> is 0–1 (validated numbers 0.99, lexicon names ~0.9, capitalised unknown words ~0.6).
/// </summary>
public sealed record Finding(int Start, int End, Category Category, string Rule, double Confidence)
{
    private readonly string? _reasonCode;

    /// <summary>Why it was flagged, as a stable code ("person.title", "bsn-11proef"); the rule's name unless set.</summary>
    public string ReasonCode
    {
        get => _reasonCode ?? Rule;
        init => _reasonCode = value;
    }

    /// <summary>Why it was flagged, in Dutch, for the live warning; <see cref="FindingReasons.English"/> for English.</summary>
    public string Reason => FindingReasons.Dutch(ReasonCode);

    public int Length => End - Start;

    public string TextIn(string text) => text[Start..End];

    public bool Overlaps(Finding other) => Start < other.End && other.Start < End;
}
