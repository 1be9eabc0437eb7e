namespace Proeftuin.Core.Archive;

/// <summary>
/// What a search looks for: the Dutch stems of the words typed, without stop words. Each stem becomes a prefix that
/// matches every indexed word whose stem starts with it, so "angst" finds "angstig" and "angststoornis" (Dutch glues
/// words together). A stem ending in a doubled consonant is undoubled first (<see cref="Prefix"/>), so the plural
/// "gezinnen" (stem "gezinn") also finds the singular "gezin".
/// </summary>
public sealed class SearchTerms
{
    public const int MaxTerms = 10;

    /// <summary>The consonants whose doubling at the end of a stem is undone by <see cref="Prefix"/>.</summary>
    public const string Consonants = "bcdfghjklmnpqrstvwxz";

    /// <summary>The shortest prefix that undoubling may leave, so a search never becomes absurdly wide.</summary>
    public const int MinUndoubledLength = 3;

    private SearchTerms(IReadOnlyList<string> stems)
    {
        Stems = stems;
        Prefixes = [.. stems.Select(Prefix).Distinct(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Stems { get; }

    /// <summary>What is searched: the stems as prefixes, a final doubled consonant undoubled (see <see cref="Prefix"/>).</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IsEmpty => Stems.Count == 0;

    public static SearchTerms From(string? text) =>
        new([.. Words(text ?? string.Empty)
            .Select(w => w.ToLowerInvariant())
            .Where(w => !DutchStopWords.Contains(w))
            .Select(DutchStemmer.Stem)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)]);

    /// <summary>
    /// The prefix a query stem searches for. Snowball undoubles only kk, dd and tt, so the stem of a plural with a doubled
    /// consonant keeps it ("gezinnen" → "gezinn", "bussen" → "buss") and would not be a prefix of the singular's stem
    /// ("gezin", "bus"). So a stem ending in a doubled consonant loses one of the two, when at least
    /// <see cref="MinUndoubledLength"/> letters remain: "gezinn" → "gezin", which still matches "gezinn" itself.
    /// Applied at query time only (the indexes keep the plain stems); PostgreSqlArchiveSearch applies the same rule to
    /// PostgreSQL's lexemes.
    /// </summary>
    public static string Prefix(string stem)
    {
        var n = stem.Length;
        return n - 1 >= MinUndoubledLength && stem[n - 1] == stem[n - 2] && Consonants.Contains(stem[n - 1], StringComparison.Ordinal)
            ? stem[..^1]
            : stem;
    }

    /// <summary>Whether a word of a text matches one of the prefixes (its own stem starts with it).</summary>
    public bool Matches(string word)
    {
        var stem = DutchStemmer.Stem(word);
        return Prefixes.Any(p => stem.StartsWith(p, StringComparison.Ordinal));
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
