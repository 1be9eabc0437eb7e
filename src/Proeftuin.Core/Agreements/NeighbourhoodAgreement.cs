using Proeftuin.Core.Common;

namespace Proeftuin.Core.Agreements;

/// <summary>
/// A wijkafspraak: an agreement a wijk adopts, traced back to the recommendations it came from, reviewed on a date.
/// </summary>
public sealed class NeighbourhoodAgreement
{
    public const int MaxTitleLength = 160;
    public const int MaxTextLength = 4000;

    private List<Guid> _sourceRecommendationIds = [];

    private NeighbourhoodAgreement()
    {
        Title = string.Empty;
        Text = string.Empty;
    }

    public NeighbourhoodAgreement(
        Guid id,
        Guid neighbourhoodId,
        string title,
        string text,
        IEnumerable<Guid> sourceRecommendationIds,
        Guid? ownerId,
        DateOnly reviewDate,
        DateTime nowUtc)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        AdoptedAtUtc = Guard.Utc(nowUtc);
        Status = AgreementStatus.Active;
        Title = string.Empty;
        Text = string.Empty;
        Version = 1;
        Revise(title, text, sourceRecommendationIds, ownerId, reviewDate);
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public string Title { get; private set; }

    public string Text { get; private set; }

    public IReadOnlyList<Guid> SourceRecommendationIds => _sourceRecommendationIds;

    public Guid? OwnerId { get; private set; }

    public DateOnly ReviewDate { get; private set; }

    public AgreementStatus Status { get; private set; }

    public DateTime AdoptedAtUtc { get; private set; }

    /// <summary>Goes up by one on every change; a herziening based on an older version is refused.</summary>
    public int Version { get; private set; }

    public bool IsReviewDue(DateOnly today) => Status != AgreementStatus.Ended && ReviewDate <= today;

    /// <summary>
    /// A herziening: new title, text and review date with a reason, refused when <paramref name="expectedVersion"/> is
    /// not the current one (someone else revised it in the meantime). Returns the earlier version to keep as history.
    /// </summary>
    public AgreementRevision Revise(int expectedVersion, string title, string text, DateOnly reviewDate, string reason, Guid revisedById, DateTime nowUtc)
    {
        EnsureVersion(expectedVersion);
        var revision = new AgreementRevision(Guid.NewGuid(), this, reason, revisedById, nowUtc);
        Revise(title, text, _sourceRecommendationIds, OwnerId, reviewDate);
        Version++;
        return revision;
    }

    public void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new DomainException(
                "agreement.conflict",
                "Iemand anders heeft deze afspraak intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.");
        }
    }

    public void Revise(string title, string text, IEnumerable<Guid> sourceRecommendationIds, Guid? ownerId, DateOnly reviewDate)
    {
        if (Status == AgreementStatus.Ended)
        {
            throw new DomainException("agreement.ended", "Een beëindigde wijkafspraak kan niet meer worden gewijzigd.");
        }

        Title = Guard.Required(title, "agreement.title", "Geef de wijkafspraak een titel", MaxTitleLength);
        Text = Guard.Required(text, "agreement.text", "Beschrijf de wijkafspraak", MaxTextLength);
        var sources = sourceRecommendationIds.Distinct().ToList();
        if (sources.Count == 0)
        {
            throw new DomainException("agreement.sources", "Een wijkafspraak komt voort uit minstens één aanbeveling.");
        }

        _sourceRecommendationIds = sources;
        OwnerId = ownerId;
        ReviewDate = reviewDate;
    }

    public void StartReview()
    {
        if (Status != AgreementStatus.Active)
        {
            throw new DomainException("agreement.status", "Alleen een geldende wijkafspraak kan worden herzien.");
        }

        Status = AgreementStatus.UnderReview;
        Version++;
    }

    /// <summary>Review done: the agreement stays in force until the next review date.</summary>
    public void ConfirmReview(DateOnly nextReviewDate)
    {
        if (Status != AgreementStatus.UnderReview)
        {
            throw new DomainException("agreement.status", "Deze wijkafspraak wordt niet herzien.");
        }

        if (nextReviewDate <= ReviewDate)
        {
            throw new DomainException("agreement.review", "De volgende herziening ligt na de vorige.");
        }

        ReviewDate = nextReviewDate;
        Status = AgreementStatus.Active;
        Version++;
    }

    public void End()
    {
        if (Status == AgreementStatus.Ended)
        {
            throw new DomainException("agreement.status", "Deze wijkafspraak is al beëindigd.");
        }

        Status = AgreementStatus.Ended;
        Version++;
    }
}
