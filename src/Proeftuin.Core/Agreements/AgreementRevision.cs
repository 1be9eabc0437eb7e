using Proeftuin.Core.Common;

namespace Proeftuin.Core.Agreements;

/// <summary>
/// One herziening of a wijkafspraak: the title, text and review date it had before, why it was revised, by whom and
/// when. The agreement itself only holds the current version; these rows are its history.
/// </summary>
public sealed class AgreementRevision
{
    public const int MaxReasonLength = 500;

    private AgreementRevision()
    {
        PreviousTitle = string.Empty;
        PreviousText = string.Empty;
        Reason = string.Empty;
    }

    internal AgreementRevision(Guid id, NeighbourhoodAgreement before, string reason, Guid revisedById, DateTime revisedAtUtc)
    {
        Id = id;
        AgreementId = before.Id;
        PreviousVersion = before.Version;
        PreviousTitle = before.Title;
        PreviousText = before.Text;
        PreviousReviewDate = before.ReviewDate;
        Reason = Guard.Required(reason, "agreement.reason", "Geef de reden van de herziening", MaxReasonLength);
        RevisedById = revisedById;
        RevisedAtUtc = Guard.Utc(revisedAtUtc);
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    /// <summary>The version this revision replaced, so the history reads "versie 1 → 2".</summary>
    public int PreviousVersion { get; private set; }

    public string PreviousTitle { get; private set; }

    public string PreviousText { get; private set; }

    public DateOnly PreviousReviewDate { get; private set; }

    public string Reason { get; private set; }

    public Guid RevisedById { get; private set; }

    public DateTime RevisedAtUtc { get; private set; }
}
