using Proeftuin.Core.Anonymization.Rules;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Finds what may identify a child, family or professional in a Dutch case text. Thread-safe; build one and share it.
/// Validated identifiers (e-mail, URL, IBAN, BSN, phone, postcode, date, ID) win over institutions and addresses,
/// which win over person names, where findings overlap.
/// </summary>
public sealed class AnonymizationDetector
{
    private static readonly IDetectionRule[] PatternRules =
    [
        new EmailRule(), new UrlRule(), new HandleRule(), new IbanRule(), new BsnRule(), new PhoneRule(), new SpokenPhoneRule(), new PostcodeRule(), new DateRule(), new MonthFirstDateRule(),
        new IdRule(), new InstitutionRule(), new AddressRule(),
    ];

    private readonly GuardedNameHasher? _hasher;

    public AnonymizationDetector(GuardedNameHasher? hasher = null) => _hasher = hasher;

    public static AnonymizationDetector Default { get; } = new();

    /// <summary>All findings, sorted by position and not overlapping.</summary>
    public IReadOnlyList<Finding> Scan(string text, IReadOnlySet<string>? guardedNameHashes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var input = new ScanInput(text);
        foreach (var rule in PatternRules)
        {
            rule.Detect(input, findings);
        }

        new PersonRule(guardedNameHashes, _hasher, PersonModel.Default).Detect(input, findings);
        return Resolve(findings, text.Length);
    }

    /// <summary>
    /// Findings in the paragraphs that overlap [changeStart, changeEnd): what the live meeting re-scans after an edit.
    /// Offsets are in the whole text. Names are still recognised from their other mentions in the whole text.
    /// </summary>
    public IReadOnlyList<Finding> ScanParagraphs(string text, int changeStart, int changeEnd, IReadOnlySet<string>? guardedNameHashes = null)
    {
        var (start, end) = ParagraphBounds(text, changeStart, changeEnd);
        return [.. Scan(text, guardedNameHashes).Where(f => f.End > start && f.Start < end)];
    }

    /// <summary>The start of the paragraph holding <paramref name="from"/> to the end of the one holding <paramref name="to"/>.</summary>
    public static (int Start, int End) ParagraphBounds(string text, int from, int to)
    {
        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(Math.Max(to, from), 0, text.Length);
        var start = from == 0 ? 0 : text.LastIndexOf("\n\n", Math.Max(0, from - 1), StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", to, StringComparison.Ordinal);
        return (start < 0 ? 0 : start, end < 0 ? text.Length : end);
    }

    /// <summary>
    /// Keeps the strongest finding where findings overlap. The characters already claimed are marked in one array,
    /// so each candidate costs its own length: linear in the text, also with thousands of findings.
    /// </summary>
    private static List<Finding> Resolve(List<Finding> findings, int textLength)
    {
        var ordered = findings
            .OrderBy(f => Priority(f.Category))
            .ThenByDescending(f => f.Length)
            .ThenByDescending(f => f.Confidence);
        var kept = new List<Finding>(findings.Count);
        var claimed = new bool[textLength];
        foreach (var finding in ordered)
        {
            var span = claimed.AsSpan(finding.Start, finding.End - finding.Start);
            if (!span.Contains(true))
            {
                span.Fill(true);
                kept.Add(finding);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static int Priority(Category category) => category switch
    {
        Category.Email or Category.Url or Category.Iban => 0,
        Category.Bsn or Category.Phone => 1,
        Category.Postcode or Category.Date => 2,
        Category.Id => 3,
        Category.Institution => 4,
        Category.Address => 5,
        _ => 6,
    };
}
