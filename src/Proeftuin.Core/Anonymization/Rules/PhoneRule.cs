using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Telephone numbers: Dutch mobile and landline (10 digits from 0), +31 / 0031 with or without (0), and other
/// international numbers, written with spaces, dashes, dots or brackets.
/// </summary>
internal sealed partial class PhoneRule() : RegexRule(Pattern(), Category.Phone, "phone-nl", 0.97)
{
    protected override (int Start, int End)? Accept(string text, Match match)
    {
        // A bracket before the number belongs to the sentence unless it closes around the area code: "(030) 123 45 67".
        var start = match.Index;
        var value = match.Value;
        if (value.StartsWith('(') && !Regex.IsMatch(value, @"^\(\d{2,4}\)"))
        {
            start++;
            value = value[1..];
        }

        var digits = Checksums.DigitsOnly(value);
        var valid = value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal)
            ? International(value, digits)
            : digits.Length == 10 && digits[0] == '0' && digits[1] != '0';
        return valid ? (start, match.Index + match.Length) : null;
    }

    private static bool International(string value, string digits)
    {
        var national = value.StartsWith('+') ? digits : digits[2..];
        if (national.StartsWith("31", StringComparison.Ordinal))
        {
            var rest = national[2..];
            if (rest.StartsWith('0') && value.Contains("(0)", StringComparison.Ordinal))
            {
                rest = rest[1..];
            }

            return rest.Length == 9 && rest[0] != '0';
        }

        return national.Length is >= 8 and <= 13;
    }

    [GeneratedRegex(@"(?<![\w+/.-])(\+|00)?\(?\d[\d ().-]{7,18}\d(?![\w]|[.-]\d)", Options, 250)]
    private static partial Regex Pattern();
}
