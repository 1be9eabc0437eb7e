using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Patient, dossier, case and student numbers: any code with digits after an ID label, and codes shaped like
/// <c>JGZ-2015-0042</c> or <c>ALT-0098134</c> anywhere. Proeftuin's own case codes (<c>OND-2026-007</c>) are kept.
/// </summary>
internal sealed partial class IdRule() : RegexRule(Pattern(), Category.Id, "id-number", 0.9)
{
    protected override (int Start, int End)? Accept(string text, Match match)
    {
        var value = match.Groups["value"];
        if (value.Value.Count(char.IsAsciiDigit) < 3 || CaseCode().IsMatch(value.Value))
        {
            return null;
        }

        if (!match.Groups["shaped"].Success)
        {
            var before = PrecedingWords(text, value.Index, 28);
            if (!IdLabels.EndsWithIdLabel(before) || before.TrimEnd().EndsWith("bsn", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return (value.Index, value.Index + value.Length);
    }

    [GeneratedRegex(
        @"(?<shaped>(?<![\w-])(?<value>[A-Z]{1,4}\d{0,6}-\d{2,6}(-\d{2,8})?)(?![\w-]))" +
        @"|(?<![\w-])(?<value>[A-Z0-9][A-Za-z0-9-]{2,24}\d)(?![\w-])",
        Options,
        250)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[A-Z]{2,4}-\d{4}-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseCode();
}
