using Proeftuin.Core.Anonymization;

namespace Proeftuin.Data.Anonymization;

/// <summary>A stored "niet identificerend" judgement on one text in one case (see <see cref="FindingDismissal"/>).</summary>
public sealed class CaseFindingDismissal
{
    public Guid Id { get; set; }

    public Guid CaseFileId { get; set; }

    public Category Category { get; set; }

    /// <summary>The dismissed text, whitespace-normalised; it is in the case text anyway, so it is no extra data.</summary>
    public string NormalizedText { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public Guid DismissedById { get; set; }

    public DateTime DismissedAtUtc { get; set; }

    public FindingDismissal ToDomain() => new(Category, NormalizedText, Reason);
}
