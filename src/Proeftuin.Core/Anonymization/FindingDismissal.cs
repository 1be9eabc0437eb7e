namespace Proeftuin.Core.Anonymization;

/// <summary>
/// A member's judgement that a finding does not identify anyone ("niet identificerend"), with the reason. It is
/// remembered for that exact text in that category, so it still holds after edits elsewhere move the text around,
/// and it no longer holds when the text itself changes. Only a keyed hash of the text is kept
/// (<see cref="GuardedNameHasher.HashDismissed"/>): the dismissed text may be a name. The reason and who dismissed it
/// go to the audit log.
/// </summary>
public sealed record FindingDismissal(Category Category, string TextHash, string Reason)
{
    public const int MaxReasonLength = 500;

    public static FindingDismissal For(Finding finding, string text, string reason, GuardedNameHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            throw new ArgumentException($"Geef een reden van 1 tot {MaxReasonLength} tekens waarom dit niet identificerend is.", nameof(reason));
        }

        return new FindingDismissal(finding.Category, hasher.HashDismissed(Normalize(finding.TextIn(text))), trimmed);
    }

    public bool Covers(Finding finding, string text, GuardedNameHasher hasher) =>
        finding.Category == Category && string.Equals(hasher.HashDismissed(Normalize(finding.TextIn(text))), TextHash, StringComparison.Ordinal);

    public static string Normalize(string span) => string.Join(' ', span.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
