namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Telephone numbers spoken and written out as words, as in a telephone note: "nul zes, twee acht, vijfenveertig, …".
/// A run of number words that starts with "nul" and spells nine to eleven digits is a phone number.
/// </summary>
internal sealed class SpokenPhoneRule : IDetectionRule
{
    private static readonly string[] Units = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];

    private static readonly string[] Teens = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"];

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twintig"] = 2, ["dertig"] = 3, ["veertig"] = 4, ["vijftig"] = 5, ["zestig"] = 6, ["zeventig"] = 7, ["tachtig"] = 8, ["negentig"] = 9,
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        if (!text.Contains("nul", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var words = input.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Text.Equals("nul", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var digits = 0;
            var last = i;
            for (var j = i; j < words.Count && digits < 12; j++)
            {
                if (j > i && !IsSeparator(text.AsSpan(words[j - 1].End, words[j].Start - words[j - 1].End)))
                {
                    break;
                }

                var value = DigitsOf(words[j].Text);
                if (value == 0)
                {
                    break;
                }

                digits += value;
                last = j;
            }

            if (digits is >= 9 and <= 11)
            {
                findings.Add(new Finding(words[i].Start, words[last].End, Category.Phone, "phone-spoken", 0.9));
                i = last;
            }
        }
    }

    private static bool IsSeparator(ReadOnlySpan<char> gap) => gap.Length is >= 1 and <= 3 && gap.Trim().Length <= 1 && gap.Trim() is "" or "," or "-";

    /// <summary>How many digits a number word spells: 1 for "zes", 2 for "veertien" or "drieëntachtig", 0 for other words.</summary>
    private static int DigitsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (Array.IndexOf(Units, lower) >= 0)
        {
            return 1;
        }

        if (Array.IndexOf(Teens, lower) >= 0 || Tens.ContainsKey(lower))
        {
            return 2;
        }

        foreach (var (tens, _) in Tens)
        {
            if (lower.EndsWith(tens, StringComparison.Ordinal))
            {
                var unit = lower[..^tens.Length];
                unit = unit.EndsWith("ën", StringComparison.Ordinal) || unit.EndsWith("en", StringComparison.Ordinal) ? unit[..^2] : string.Empty;
                if (unit.Length > 0 && unit != "nul" && Array.IndexOf(Units, unit) > 0)
                {
                    return 2;
                }
            }
        }

        return 0;
    }
}
