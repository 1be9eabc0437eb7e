namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>A word of the text with what the name rules need to know about its place.</summary>
internal readonly record struct Word(int Start, int End, string Text, bool SentenceStart)
{
    public bool IsCapitalized => char.IsUpper(Text[0]) && Text.AsSpan(1).IndexOfAnyInRange('a', 'z') >= 0 || (char.IsUpper(Text[0]) && HasLowerNonAscii(Text));

    public bool IsAllCaps
    {
        get
        {
            var letters = 0;
            foreach (var c in Text)
            {
                if (char.IsLetter(c))
                {
                    if (!char.IsUpper(c))
                    {
                        return false;
                    }

                    letters++;
                }
            }

            return letters >= 2;
        }
    }

    private static bool HasLowerNonAscii(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLower(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsLower => char.IsLower(Text[0]);

    /// <summary>Splits a text into words: letters with inner hyphens and apostrophes ("Ramdin-Jagessar", "'t").</summary>
    public static List<Word> Split(string text)
    {
        var words = new List<Word>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var startsWithApostrophe = text[i] is '\'' or '’' && i + 1 < text.Length && text[i + 1] == 't' && (i + 2 == text.Length || !char.IsLetter(text[i + 2]));
            if (!char.IsLetter(text[i]) && !startsWithApostrophe)
            {
                i++;
                continue;
            }

            var start = i;
            i += startsWithApostrophe ? 2 : 1;
            while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark
                || (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !(text[i] is '\'' or '’' && text[i + 1] == 's' && (i + 2 == text.Length || !char.IsLetter(text[i + 2]))))))
            {
                i++;
            }

            words.Add(new Word(start, i, text[start..i], IsSentenceStart(text, start)));
        }

        return words;
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '*' or '#' or '-' or '>' or '"' or '“' or '„' or '\'' or '_' or '•' || char.IsDigit(text[i])))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' or ';' or '\n' or '\r' or '|';
    }
}
