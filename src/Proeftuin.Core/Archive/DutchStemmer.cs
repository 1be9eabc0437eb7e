using System.Text;

namespace Proeftuin.Core.Archive;

/// <summary>
/// The Snowball Dutch stemmer (the original algorithm, https://snowballstem.org/algorithms/dutch/stemmer.html), the same
/// one PostgreSQL's 'dutch' text search configuration uses, so SQLite and PostgreSQL find the same words. FTS5 has no
/// Dutch stemmer, hence this C# one. Input is one lower- or mixed-case word; output is lower case without diacritics.
/// </summary>
public static class DutchStemmer
{
    private const string Vowels = "aeiouyè";

    public static string Stem(string word)
    {
        var w = new StringBuilder(WithoutAccents(word.ToLowerInvariant()));
        MarkConsonantYAndI(w);
        var r1 = RegionAfterFirstVowelConsonant(w, 0);
        var r2 = RegionAfterFirstVowelConsonant(w, r1);
        r1 = Math.Max(r1, 3);

        StandardSuffixes(w, r1);
        var eFound = EEnding(w, r1);
        HeidEnding(w, r1, r2);
        DerivationalSuffixes(w, r1, r2, eFound);
        UndoubleVowel(w);

        return w.ToString().Replace('I', 'i').Replace('Y', 'y');
    }

    /// <summary>Step 1: heden → heid; en/ene after a consonant (not "gem"); s/se after a consonant other than j.</summary>
    private static void StandardSuffixes(StringBuilder w, int r1)
    {
        if (EndsWith(w, "heden"))
        {
            if (w.Length - 5 >= r1)
            {
                w.Length -= 5;
                w.Append("heid");
            }
        }
        else if (EndsWith(w, "ene") || EndsWith(w, "en"))
        {
            EnEnding(w, r1, EndsWith(w, "ene") ? 3 : 2);
        }
        else if (EndsWith(w, "se") || EndsWith(w, "s"))
        {
            var length = EndsWith(w, "se") ? 2 : 1;
            var start = w.Length - length;
            if (start >= r1 && start > 0 && !IsVowel(w[start - 1]) && w[start - 1] != 'j')
            {
                w.Length = start;
            }
        }
    }

    private static void EnEnding(StringBuilder w, int r1, int length)
    {
        var start = w.Length - length;
        if (start >= r1 && start > 0 && !IsVowel(w[start - 1]) && !EndsWith(w, "gem", start))
        {
            w.Length = start;
            Undouble(w);
        }
    }

    /// <summary>Step 2: a final e after a consonant goes; says whether it did (step 3b's "bar" needs it).</summary>
    private static bool EEnding(StringBuilder w, int r1)
    {
        var start = w.Length - 1;
        if (EndsWith(w, "e") && start >= r1 && start > 0 && !IsVowel(w[start - 1]))
        {
            w.Length = start;
            Undouble(w);
            return true;
        }

        return false;
    }

    /// <summary>Step 3a: heid in R2, not after c; a preceding en is then treated as in step 1.</summary>
    private static void HeidEnding(StringBuilder w, int r1, int r2)
    {
        var start = w.Length - 4;
        if (EndsWith(w, "heid") && start >= r2 && (start == 0 || w[start - 1] != 'c'))
        {
            w.Length = start;
            if (EndsWith(w, "en"))
            {
                EnEnding(w, r1, 2);
            }
        }
    }

    /// <summary>Step 3b: end/ing, ig, lijk, baar, bar in R2.</summary>
    private static void DerivationalSuffixes(StringBuilder w, int r1, int r2, bool eFound)
    {
        if (EndsWith(w, "end") || EndsWith(w, "ing"))
        {
            if (w.Length - 3 < r2)
            {
                return;
            }

            w.Length -= 3;
            if (EndsWith(w, "ig") && w.Length - 2 >= r2 && !EndsWith(w, "e", w.Length - 2))
            {
                w.Length -= 2;
            }
            else
            {
                Undouble(w);
            }
        }
        else if (EndsWith(w, "ig"))
        {
            if (w.Length - 2 >= r2 && !EndsWith(w, "e", w.Length - 2))
            {
                w.Length -= 2;
            }
        }
        else if (EndsWith(w, "lijk"))
        {
            if (w.Length - 4 >= r2)
            {
                w.Length -= 4;
                EEnding(w, r1);
            }
        }
        else if (EndsWith(w, "baar"))
        {
            if (w.Length - 4 >= r2)
            {
                w.Length -= 4;
            }
        }
        else if (EndsWith(w, "bar") && w.Length - 3 >= r2 && eFound)
        {
            w.Length -= 3;
        }
    }

    /// <summary>Step 4: consonant, double aa/ee/oo/uu, consonant (not I) at the end loses one vowel: maan → man.</summary>
    private static void UndoubleVowel(StringBuilder w)
    {
        var n = w.Length;
        if (n >= 4 && !IsVowel(w[n - 1]) && w[n - 1] != 'I' && w[n - 2] == w[n - 3] && "aeou".Contains(w[n - 2], StringComparison.Ordinal) && !IsVowel(w[n - 4]))
        {
            w.Remove(n - 2, 1);
        }
    }

    private static void Undouble(StringBuilder w)
    {
        if (EndsWith(w, "kk") || EndsWith(w, "dd") || EndsWith(w, "tt"))
        {
            w.Length--;
        }
    }

    /// <summary>Initial y, y after a vowel and i between vowels act as consonants: marked upper case until the end.</summary>
    private static void MarkConsonantYAndI(StringBuilder w)
    {
        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
        }

        for (var i = 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i - 1]))
            {
                continue;
            }

            if (w[i] == 'i' && i + 1 < w.Length && IsVowel(w[i + 1]))
            {
                w[i] = 'I';
            }
            else if (w[i] == 'y')
            {
                w[i] = 'Y';
            }
        }
    }

    private static int RegionAfterFirstVowelConsonant(StringBuilder w, int from)
    {
        for (var i = Math.Max(from, 1); i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]) && i - 1 >= from)
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static string WithoutAccents(string word)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'ä' or 'á' => 'a',
                'ë' or 'é' => 'e',
                'ï' or 'í' => 'i',
                'ö' or 'ó' => 'o',
                'ü' or 'ú' => 'u',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static bool EndsWith(StringBuilder w, string suffix) => EndsWith(w, suffix, w.Length);

    /// <summary>Whether the first <paramref name="end"/> characters end with <paramref name="suffix"/>.</summary>
    private static bool EndsWith(StringBuilder w, string suffix, int end)
    {
        if (end < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[end - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
