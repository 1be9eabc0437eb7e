using System.Globalization;
using System.Reflection;
using System.Text;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// The word lists shipped with the detector (Lexicons/*.txt, embedded): one or more words per line, # for comments.
/// Look-ups ignore case and diacritics, so "Yilmaz" and "Yılmaz", "ZEYNEP" and "zeynep" match.
/// </summary>
public sealed class Lexicon
{
    private readonly HashSet<string> _words;

    private readonly HashSet<string> _lookupSet;

    private Lexicon(HashSet<string> words)
    {
        _words = words;
        // An ordinal copy for span look-ups: an ASCII word is lower-cased on the stack and looked up without a string.
        _lookupSet = ReferenceEquals(words.Comparer, StringComparer.Ordinal) ? words : new HashSet<string>(words, StringComparer.Ordinal);
    }

    public static Lexicon FirstNames { get; } = Load("first-names.txt");

    public static Lexicon Surnames { get; } = Load("surnames.txt");

    public static Lexicon AmbiguousNames { get; } = Load("ambiguous-names.txt");

    public static Lexicon NotNames { get; } = Load("not-names.txt");

    public static Lexicon Streets { get; } = Load("streets.txt");

    public int Count => _words.Count;

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length <= 64 && !word.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            return _lookupSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
        }

        return _words.Contains(Normalize(word));
    }

    /// <summary>Look-up of a word already passed through <see cref="Normalize"/>.</summary>
    public bool ContainsNormalized(string normalized) => _words.Contains(normalized);

    public static Lexicon From(IEnumerable<string> words) => new([.. words.Select(w => Normalize(w))]);

    /// <summary>Case-folded, without diacritics, dotless ı as i: the form every look-up and guarded-name hash uses.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        // Fast path for the common case: plain ASCII needs only lower-casing.
        var ascii = true;
        foreach (var c in word)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            return new string(lower);
        }

        var decomposed = word.ToString().Replace('ı', 'i').Replace('İ', 'I').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Replace('’', '\'').ToString();
    }

    private static Lexicon Load(string file)
    {
        var assembly = typeof(Lexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Proeftuin.Core.Anonymization.Lexicons.{file}")
            ?? throw new InvalidOperationException($"Lexicon {file} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var word in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(Normalize(word));
            }
        }

        return new Lexicon(words);
    }
}
