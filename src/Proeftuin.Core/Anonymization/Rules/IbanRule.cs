using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>IBANs, with or without spaces, that pass mod-97; the longest valid prefix of a longer run is taken.</summary>
internal sealed partial class IbanRule() : RegexRule(Pattern(), Category.Iban, "iban-mod97", 0.99)
{
    protected override (int Start, int End)? Accept(string text, Match match)
    {
        var positions = new List<int>();
        for (var i = match.Index; i < match.Index + match.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                positions.Add(i);
            }
        }

        var compact = string.Concat(positions.Select(p => char.ToUpperInvariant(text[p])));
        for (var length = compact.Length; length >= 15; length--)
        {
            if (Checksums.IsIban(compact.AsSpan(0, length)))
            {
                return (match.Index, positions[length - 1] + 1);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}( ?[A-Za-z0-9]){11,30}", Options, 250)]
    private static partial Regex Pattern();
}
