using System.Globalization;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// English dates with the month first ("July 4", "May 19th, 2021"). A walk over the words rather than one more
/// alternative in the date pattern: an alternative that starts with a letter would make that pattern try every
/// position of the text instead of jumping from digit to digit.
/// </summary>
internal sealed class MonthFirstDateRule : IDetectionRule
{
    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        foreach (var word in input.Words)
        {
            if (!char.IsUpper(word.Text[0]) || !Months.Contains(word.Text) || word.End + 2 > text.Length || text[word.End] != ' ' || !char.IsAsciiDigit(text[word.End + 1]))
            {
                continue;
            }

            var end = word.End + 1;
            while (end < text.Length && end - word.End <= 2 && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var day = int.Parse(text.AsSpan(word.End + 1, end - word.End - 1), CultureInfo.InvariantCulture);
            if (day is < 1 or > 31 || (end < text.Length && char.IsAsciiDigit(text[end])))
            {
                continue;
            }

            foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            {
                if (text.AsSpan(end).StartsWith(suffix, StringComparison.Ordinal))
                {
                    end += 2;
                    break;
                }
            }

            // An optional year: ", 2021" or " 2021".
            var year = end;
            if (year < text.Length && text[year] == ',')
            {
                year++;
            }

            if (year + 5 <= text.Length && text[year] == ' ' && text.AsSpan(year + 1, 4).IndexOfAnyExceptInRange('0', '9') < 0
                && (year + 5 == text.Length || !char.IsAsciiDigit(text[year + 5])))
            {
                end = year + 5;
            }

            findings.Add(new Finding(word.Start, end, Category.Date, "date-nl", 0.9));
        }
    }
}
