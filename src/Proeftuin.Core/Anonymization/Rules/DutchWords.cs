namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Is a word ordinary Dutch? In the OpenTaal list, or a compound of two listed words ("telefoon|notitie",
/// "groeps|leerkracht" with the linking s), or hyphenated parts that each are words or known non-names ("POH-GGZ").
/// </summary>
internal static class DutchWords
{
    public static bool IsWord(string normalized)
    {
        if (normalized.Length == 0)
        {
            return false;
        }

        if (WordSet.Dutch.ContainsNormalized(normalized))
        {
            return true;
        }

        if (normalized.Contains('-', StringComparison.Ordinal))
        {
            foreach (var part in normalized.Split('-'))
            {
                if (part.Length > 0 && !WordSet.Dutch.ContainsNormalized(part) && !Lexicon.NotNames.ContainsNormalized(part) && !IsCompound(part))
                {
                    return false;
                }
            }

            return true;
        }

        return IsCompound(normalized) || IsInflected(normalized);
    }

    private static readonly string[] Endings = ["s", "e", "en", "ie", "je", "tje", "ies", "jes", "tjes", "ke", "ers", "er"];

    /// <summary>An inflected or diminutive form of a listed word that the list lacks: "onderliggends", "poepie".</summary>
    private static bool IsInflected(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal)
                && WordSet.Dutch.ContainsNormalized(word.AsSpan(0, word.Length - ending.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCompound(string word)
    {
        // Both parts at least four letters: short entries of the list ("lic", "sav") would make names of many words.
        if (word.Length < 8)
        {
            return false;
        }

        var span = word.AsSpan();
        for (var split = 4; split <= word.Length - 4; split++)
        {
            var right = span[split..];
            if (!WordSet.Dutch.ContainsNormalized(right))
            {
                continue;
            }

            var left = span[..split];
            if (WordSet.Dutch.ContainsNormalized(left) || (left.Length > 4 && left[^1] == 's' && WordSet.Dutch.ContainsNormalized(left[..^1])))
            {
                return true;
            }
        }

        return false;
    }
}
