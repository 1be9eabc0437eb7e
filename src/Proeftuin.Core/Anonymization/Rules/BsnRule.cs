using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Burgerservicenummers (and onderwijsnummers) in the usual notations and groupings (123456782, 123 456 782,
/// 1234 56 782, 1234.56.782, 12 34 56 782), checked with the 11-proef.
/// </summary>
internal sealed partial class BsnRule() : RegexRule(Pattern(), Category.Bsn, "bsn-11proef", 0.97)
{
    protected override (int Start, int End)? Accept(string text, Match match)
    {
        var digits = Checksums.DigitsOnly(match.ValueSpan);
        if (!Checksums.IsBsn(digits) && !Checksums.IsEducationNumber(digits))
        {
            return null;
        }

        // A number introduced as a patient, student or case number is an ID, not a BSN.
        var before = PrecedingWords(text, match.Index, 24);
        return IdLabels.EndsWithIdLabel(before) && !before.Contains("bsn", StringComparison.Ordinal) ? null : (match.Index, match.Index + match.Length);
    }

    [GeneratedRegex(@"(?<![\d.,-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{2} \d{2} \d{2} \d{3}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{3}[ .]\d{2}[ .]\d{2}[ .]\d{2})(?![\d]|[.,-]\d)", Options, 250)]
    private static partial Regex Pattern();
}
