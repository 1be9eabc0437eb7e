using System.Globalization;
using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Calendar dates in Dutch notations: 14-02-2011, 3/3/24, 08.04.2008, 2012-03-03, 14 februari (2011), 11 mrt 2008,
/// and day-month without a year (14-10, 5/6) when a date word such as "op", "sinds" or a weekday comes before it.
/// A year alone, a month alone and clock times are not dates in this sense.
/// </summary>
internal sealed partial class DateRule() : RegexRule(Pattern(), Category.Date, "date-nl", 0.95)
{
    private static readonly string[] DateWords =
    [
        "op", "sinds", "vanaf", "tot", "per", "dd", "d.d.", "datum", "geboren", "geb.", "ma", "di", "wo", "do", "vr", "za", "zo",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "t/m", "voor", "na", "rond", "uiterlijk",
    ];

    protected override (int Start, int End)? Accept(string text, Match match)
    {
        if (match.Groups["monthName"].Success)
        {
            return Valid(int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture), 1) ? Span(match) : null;
        }

        if (match.Groups["iso"].Success)
        {
            return Valid(Number(match, "isoD"), Number(match, "isoM")) ? Span(match) : null;
        }

        if (!Valid(Number(match, "d"), Number(match, "m")))
        {
            return null;
        }

        if (match.Groups["y"].Success)
        {
            return Span(match);
        }

        // Day and month only: accept after a word that introduces a date, never e.g. a score "3/5".
        var before = PrecedingWords(text, match.Index, 16).TrimEnd();
        var lastWord = before[(before.LastIndexOfAny([' ', '\n', '(', '\t']) + 1)..];
        return DateWords.Contains(lastWord, StringComparer.Ordinal) ? Span(match) : null;
    }

    private static (int, int) Span(Match match) => (match.Index, match.Index + match.Length);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool Valid(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    [GeneratedRegex(
        @"(?<![\w/.-])(" +
        @"(?<iso>(19|20)\d{2}-(?<isoM>\d{2})-(?<isoD>\d{2}))" +
        @"|(?<d>\d{1,2})[-/.](?<m>\d{1,2})([-/.](?<y>(19|20)?\d{2}))?" +
        @"|(?<d>\d{1,2})(e|ste|de)?\s(?<monthName>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(\s(\d{4}|'\d{2}))?" +
        @")(?![\w]|[-/.]\d)",
        Options | RegexOptions.IgnoreCase,
        250)]
    private static partial Regex Pattern();
}
