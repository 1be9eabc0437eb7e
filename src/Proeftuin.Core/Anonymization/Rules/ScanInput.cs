namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>The text being scanned, with its word list split once and shared by the rules that walk words.</summary>
internal sealed class ScanInput(string text)
{
    private List<Word>? _words;
    private TextStyle? _style;

    public string Text { get; } = text;

    public List<Word> Words => _words ??= Word.Split(Text);

    /// <summary>How the text is written: decides how much capitalisation says about names.</summary>
    public TextStyle Style => _style ??= TextStyle.Of(Words);
}

/// <summary>
/// Chat notes start their sentences in lower case, so a lower-case word may be a name; HIS printouts are in capitals,
/// so capitals say nothing; English notes capitalise their own words (I, Mother, Spring).
/// </summary>
internal sealed record TextStyle(bool LowerCase, bool AllCaps, bool English)
{
    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "was", "his", "her", "with", "at", "has", "have", "says", "said", "he", "she", "they", "of", "to", "from", "for", "on",
    };

    public static TextStyle Of(List<Word> words)
    {
        int starts = 0, lowerStarts = 0, letters = 0, caps = 0, english = 0;
        foreach (var word in words)
        {
            if (word.SentenceStart)
            {
                starts++;
                if (word.IsLower)
                {
                    lowerStarts++;
                }
            }

            if (word.Text.Length >= 2)
            {
                letters++;
                if (word.IsAllCaps)
                {
                    caps++;
                }
            }

            if (EnglishMarkers.Contains(word.Text))
            {
                english++;
            }
        }

        return new TextStyle(
            starts >= 2 && lowerStarts * 2 >= starts,
            letters >= 8 && caps * 5 >= letters * 2,
            words.Count >= 8 && english * 12 >= words.Count);
    }
}
