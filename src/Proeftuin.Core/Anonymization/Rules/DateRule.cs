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
        "afspraak", "evaluatie", "notitie", "controle", "consult", "gesprek", "huisbezoek", "mdo", "e", "en", "tm", "on", "since", "until",
        "dd.", "d.d", "app", "gezien", "gebeld", "belt", "bellen", "verzuim", "afwezig", "ziek", "keer",
    ];

    private static readonly HashSet<string> Abbreviations = ["jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"];

    /// <summary>Words before a day-month pair that make it a score or ratio ("scoort 3/5", "PHQ-9 = 17").</summary>
    private static readonly string[] ScoreWords = ["score", "scoort", "scores", "scoorde", "cijfer", "=", "totaal", "ratio", "verhouding", "uitslag", "iq"];

    /// <summary>Words after a day-month pair that make it a range or a fraction ("2-3 gesprekken", "1/2 tablet").</summary>
    private static readonly HashSet<string> CountWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "keer", "gesprekken", "gesprek", "jaar", "jaren", "jr", "uur", "u", "dagen", "dag", "weken", "week", "maanden", "mnd", "punten", "x", "mg",
        "ml", "tablet", "tabletten", "kinderen", "km", "cm", "kg", "min", "minuten", "sessies", "keren", "per", "times", "years", "hours", "of",
        "kilo", "meter", "procent", "%", "nachten", "lessen", "groep", "klas",
    };

    protected override (int Start, int End)? Accept(string text, Match match)
    {
        if (match.Groups["monthName"].Success)
        {
            // The full stop after a month written out ends the sentence; only an abbreviation ("mrt.") keeps it.
            var monthEnd = match.Index + match.Length;
            if (match.Value.EndsWith('.') && !Abbreviations.Contains(match.Groups["monthName"].Value.ToLowerInvariant()))
            {
                monthEnd--;
            }

            return Valid(int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture), 1) ? (match.Index, monthEnd) : null;
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

        // Day and month only: accept after a word that introduces a date; otherwise when it can only be a date (a
        // leading zero, a day over 12 or a month over 9: "03-12", "28/10", "17-2"), never a score or a range.
        var before = PrecedingWords(text, match.Index, 16).TrimEnd();
        var lastWord = before[(before.LastIndexOfAny([' ', '\n', '(', '\t']) + 1)..].TrimEnd(':');
        if (DateWords.Contains(lastWord, StringComparer.Ordinal))
        {
            return Span(match);
        }

        // A note that starts a line with its date: "10/5: gesprek met …", "4-7 belde moeder".
        var lineStart = match.Index == 0 || text[match.Index - 1] == '\n';
        var end = match.Index + match.Length;
        if (lineStart || (end < text.Length && text[end] == ':'))
        {
            return Span(match);
        }

        if (ScoreWords.Any(w => before.Contains(w, StringComparison.Ordinal)) || NextWordCounts(text, end) || AfterStreet(before)
            || (match.Value.Contains('/', StringComparison.Ordinal) && Number(match, "m") == 10 && Number(match, "d") <= 10))
        {
            return null; // "cijfert zichzelf een 6/10", "2-3 gesprekken", "Zonnekade 14-2".
        }

        var day = match.Groups["d"].Value;
        var month = match.Groups["m"].Value;
        return day.StartsWith('0') || month.StartsWith('0') || Number(match, "d") > 12 || Number(match, "m") >= 10 ? Span(match) : null;
    }

    private static bool AfterStreet(string lowerBefore)
    {
        var trimmed = lowerBefore.TrimEnd();
        return Array.Exists(StreetEndings, e => trimmed.EndsWith(e, StringComparison.Ordinal));
    }

    private static readonly string[] StreetEndings = ["straat", "laan", "weg", "plein", "kade", "steeg", "singel", "gracht", "dreef", "dijk", "hof", "park"];

    private static bool NextWordCounts(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '%'))
        {
            i++;
        }

        return i > start && CountWords.Contains(text[start..i]);
    }

    private static (int, int) Span(Match match) => (match.Index, match.Index + match.Length);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool Valid(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    [GeneratedRegex(
        @"(?<![\w/.-])(" +
        @"(?<iso>(19|20)\d{2}-(?<isoM>\d{2})-(?<isoD>\d{2}))" +
        @"|(?<d>\d{1,2})[-/.](?<m>\d{1,2})([-/.](?<y>(19|20)?\d{2}))?" +
        @"|(?<d>\d{1,2})(e|ste|de|st|nd|rd|th)?(\svan)?\s(?<monthName>january|february|march|may|june|july|august|october|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(\s(\d{4}|'\d{2}))?" +
        @")(?![\w]|[-/.]\d)",
        Options | RegexOptions.IgnoreCase,
        250)]
    private static partial Regex Pattern();
}
