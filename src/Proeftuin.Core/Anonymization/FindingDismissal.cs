namespace Proeftuin.Core.Anonymization;

/// <summary>
/// A member's judgement that a finding does not identify anyone ("niet identificerend"), with the reason. It is
/// remembered for that exact text in that category, so it still holds after edits elsewhere move the text around,
/// and it no longer holds when the text itself changes. The reason and who dismissed it go to the audit log.
/// </summary>
public sealed record FindingDismissal(Category Category, string NormalizedText, string Reason)
{
    public const int MaxReasonLength = 500;

    public static FindingDismissal For(Finding finding, string text, string reason)
    {
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            throw new ArgumentException($"Geef een reden van 1 tot {MaxReasonLength} tekens waarom dit niet identificerend is.", nameof(reason));
        }

        return new FindingDismissal(finding.Category, Normalize(finding.TextIn(text)), trimmed);
    }

    public bool Covers(Finding finding, string text) =>
        finding.Category == Category && string.Equals(Normalize(finding.TextIn(text)), NormalizedText, StringComparison.Ordinal);

    private static string Normalize(string span) => string.Join(' ', span.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
