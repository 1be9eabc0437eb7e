namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>Small helpers for rules that walk the word list instead of running a regular expression over the text.</summary>
internal static class WordWalk
{
    /// <summary>True when exactly one space separates word <paramref name="left"/> from the next one.</summary>
    public static bool SpaceBetween(string text, List<Word> words, int left) =>
        left >= 0 && left + 1 < words.Count && words[left + 1].Start - words[left].End == 1 && text[words[left].End] == ' ';

    public static bool StartsUpper(Word word) => char.IsUpper(word.Text[0]);

    public static bool EndsWithAny(string word, string[] suffixes, int minimumStem, out string suffix)
    {
        foreach (var candidate in suffixes)
        {
            if (word.Length >= candidate.Length + minimumStem && word.EndsWith(candidate, StringComparison.OrdinalIgnoreCase))
            {
                suffix = candidate;
                return true;
            }
        }

        suffix = string.Empty;
        return false;
    }
}
