namespace Proeftuin.Core.Archive;

/// <summary>
/// What a search looks for: the Dutch stems of the words typed, without stop words. A stem matches every indexed word
/// whose stem starts with it, so "angst" finds "angstig" and "angststoornis" (Dutch glues words together).
/// </summary>
public sealed class SearchTerms
{
    public const int MaxTerms = 10;

    private SearchTerms(IReadOnlyList<string> stems) => Stems = stems;

    public IReadOnlyList<string> Stems { get; }

    public bool IsEmpty => Stems.Count == 0;

    public static SearchTerms From(string? text) =>
        new([.. Words(text ?? string.Empty)
            .Select(w => w.ToLowerInvariant())
            .Where(w => !DutchStopWords.Contains(w))
            .Select(DutchStemmer.Stem)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)]);

    /// <summary>Whether a word of a text matches one of the stems (its own stem starts with it).</summary>
    public bool Matches(string word)
    {
        var stem = DutchStemmer.Stem(word);
        return Stems.Any(s => stem.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The stemmed words of a text, space-separated: what the SQLite index stores.</summary>
    public static string StemmedText(string text) =>
        string.Join(' ', Words(text).Select(DutchStemmer.Stem).Where(s => s.Length > 0));

    /// <summary>Runs of letters and digits, with their position in the text.</summary>
    public static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            yield return (start, i - start);
        }
    }

    private static IEnumerable<string> Words(string text) => WordSpans(text).Select(s => text.Substring(s.Start, s.Length));
}
