using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>Dutch postcodes (<c>3553 HK</c>, <c>3553hk</c>), not amounts with units ("1000 mg") or years with a word.</summary>
internal sealed partial class PostcodeRule() : RegexRule(Pattern(), Category.Postcode, "postcode", 0.95)
{
    private static readonly HashSet<string> NotLetters = new(StringComparer.OrdinalIgnoreCase)
    {
        "sa", "sd", "ss",
    };

    private static readonly HashSet<string> WordsAndUnits = new(StringComparer.Ordinal)
    {
        "mg", "ml", "kg", "km", "cm", "mm", "gr", "ug", "mu", "en", "in", "op", "te", "om", "is", "de", "of", "al", "na",
        "nu", "zo", "ik", "je", "ze", "we", "er", "ja", "uu", "jr", "wk", "pp", "eu", "ie", "hb", "ct", "mb", "gb", "kb",
        "am", "pm", "ca", "et", "nl", "ad", "bc", "ah",
    };

    protected override (int Start, int End)? Accept(string text, Match match)
    {
        var letters = match.Groups["letters"].Value;
        var number = int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lower = letters.All(char.IsLower);
        if (NotLetters.Contains(letters) || (lower && WordsAndUnits.Contains(letters)) || (lower && match.Value.Contains(' ', StringComparison.Ordinal) && number is >= 1900 and <= 2100))
        {
            return null;
        }

        return letters.Any(char.IsLower) && letters.Any(char.IsUpper) ? null : (match.Index, match.Index + match.Length);
    }

    [GeneratedRegex(@"(?<![\w-])(?<number>[1-9]\d{3}) ?(?<letters>[A-Za-z]{2})(?![\p{L}\d])", Options, 250)]
    private static partial Regex Pattern();
}
