using Proeftuin.Core.Anonymization;

namespace Proeftuin.Data.Anonymization;

/// <summary>A stored "niet identificerend" judgement on one text in one case (see <see cref="FindingDismissal"/>).</summary>
public sealed class CaseFindingDismissal
{
    public Guid Id { get; set; }

    public Guid CaseFileId { get; set; }

    public Category Category { get; set; }

    /// <summary>
    /// The keyed hash (HMAC-SHA256 with <c>Anonymization:GuardedNameKey</c>) of the dismissed text, whitespace-normalised:
    /// the text itself may be a name and is never stored here.
    /// </summary>
    public string TextHash { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public Guid DismissedById { get; set; }

    public DateTime DismissedAtUtc { get; set; }

    public FindingDismissal ToDomain() => new(Category, TextHash, Reason);
}
