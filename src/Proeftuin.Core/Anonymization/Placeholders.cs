namespace Proeftuin.Core.Anonymization;

/// <summary>
/// The neutral Dutch placeholder that replaces a finding in one click, e.g. "[naam moeder]", "[voornaam kind]",
/// "[datum]", "[school]". For names the word before it (a family role) makes the placeholder more telling.
/// </summary>
public static class Placeholders
{
    private static readonly string[] Roles =
    [
        "moeder", "vader", "oma", "opa", "broer", "zus", "tante", "oom", "stiefvader", "stiefmoeder", "voogd", "mentor", "juf",
        "meester", "huisarts", "trainer",
    ];

    public static string For(Finding finding, string text) => finding.Category switch
    {
        Category.Person => PersonPlaceholder(finding, text),
        Category.Date => "[datum]",
        Category.Institution => InstitutionPlaceholder(finding.TextIn(text)),
        Category.Address => "[adres]",
        Category.Postcode => "[postcode]",
        Category.Phone => "[telefoonnummer]",
        Category.Email => "[e-mailadres]",
        Category.Bsn => "[BSN]",
        Category.Iban => "[IBAN]",
        Category.Url => "[link]",
        Category.Id => "[nummer]",
        _ => "[verwijderd]",
    };

    /// <summary>The edit that replaces the finding: (start, end, replacement) in UTF-16 units.</summary>
    public static (int Start, int End, string Replacement) Replacement(Finding finding, string text) =>
        (finding.Start, finding.End, For(finding, text));

    private static string PersonPlaceholder(Finding finding, string text)
    {
        var before = text[Math.Max(0, finding.Start - 20)..finding.Start].ToLowerInvariant().TrimEnd(' ', '(', ':', ',');
        var role = Roles.FirstOrDefault(r => before.EndsWith(r, StringComparison.Ordinal));
        if (role is not null)
        {
            return $"[naam {role}]";
        }

        return finding.TextIn(text).Contains(' ', StringComparison.Ordinal) ? "[naam]" : "[voornaam kind]";
    }

    private static string InstitutionPlaceholder(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower switch
        {
            _ when lower.Contains("school", StringComparison.Ordinal) || lower.Contains("college", StringComparison.Ordinal)
                || lower.Contains("lyceum", StringComparison.Ordinal) || lower.Contains("gymnasium", StringComparison.Ordinal)
                || lower.StartsWith("obs", StringComparison.Ordinal) || lower.StartsWith("ikc", StringComparison.Ordinal)
                || lower.StartsWith("roc", StringComparison.Ordinal) || lower.StartsWith("isk", StringComparison.Ordinal) => "[school]",
            _ when lower.Contains("praktijk", StringComparison.Ordinal) || lower.Contains("gezondheidscentrum", StringComparison.Ordinal) => "[praktijk]",
            _ when lower.Contains("vereniging", StringComparison.Ordinal) || lower.Contains("club", StringComparison.Ordinal) => "[vereniging]",
            _ when lower.Contains("kerk", StringComparison.Ordinal) || lower.Contains("moskee", StringComparison.Ordinal) || lower.Contains("gemeente", StringComparison.Ordinal) => "[gebedshuis]",
            _ => "[instelling]",
        };
    }
}
