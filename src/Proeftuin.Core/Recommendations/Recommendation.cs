using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Core.Recommendations;

/// <summary>
/// An aanbeveling made in a meeting: text, the pillars it serves, a level, who it is addressed to, an owner and a
/// due date. <see cref="Version"/> guards against silent overwrites when two people edit it at once.
/// </summary>
public sealed class Recommendation
{
    public const int MaxTextLength = 2000;

    private List<Discipline> _addressedTo = [];

    private Recommendation()
    {
        Text = string.Empty;
    }

    public Recommendation(
        Guid id,
        Guid neighbourhoodId,
        Guid? meetingId,
        Guid? caseFileId,
        RecommendationDetails details,
        Guid createdById,
        DateTime nowUtc)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        MeetingId = meetingId;
        CaseFileId = caseFileId;
        CreatedById = createdById;
        CreatedAtUtc = Guard.Utc(nowUtc);
        Status = RecommendationStatus.Proposed;
        Text = string.Empty;
        Apply(details);
        UpdatedAtUtc = CreatedAtUtc;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? CaseFileId { get; private set; }

    public string Text { get; private set; }

    public VisionPillar Pillars { get; private set; }

    public RecommendationLevel Level { get; private set; }

    public IReadOnlyList<Discipline> AddressedTo => _addressedTo;

    public Guid? OwnerId { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public RecommendationStatus Status { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Goes up by one on every change; an edit based on an older version is refused.</summary>
    public int Version { get; private set; }

    public bool IsOpen => RecommendationStatuses.IsOpen(Status);

    public bool IsOverdue(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueDate, today);

    public void Edit(int expectedVersion, RecommendationDetails details, DateTime nowUtc)
    {
        EnsureVersion(expectedVersion);
        EnsureOpen();
        Apply(details);
        Touch(nowUtc);
    }

    public void ChangeStatus(int expectedVersion, RecommendationStatus status, DateTime nowUtc)
    {
        EnsureVersion(expectedVersion);
        if (!IsAllowed(Status, status))
        {
            throw new DomainException(
                "recommendation.status",
                $"Een aanbeveling met status {RecommendationStatusNames.Dutch(Status)} kan niet naar {RecommendationStatusNames.Dutch(status)}.");
        }

        Status = status;
        Touch(nowUtc);
    }

    /// <summary>Proposed → Agreed → InProgress → Done; anything not finished may be dropped; dropped may be proposed again.</summary>
    public static bool IsAllowed(RecommendationStatus from, RecommendationStatus to) => (from, to) switch
    {
        (RecommendationStatus.Proposed, RecommendationStatus.Agreed) => true,
        (RecommendationStatus.Agreed, RecommendationStatus.InProgress) => true,
        (RecommendationStatus.Agreed, RecommendationStatus.Done) => true,
        (RecommendationStatus.InProgress, RecommendationStatus.Done) => true,
        (_, RecommendationStatus.Dropped) when RecommendationStatuses.IsOpen(from) => true,
        (RecommendationStatus.Dropped, RecommendationStatus.Proposed) => true,
        _ => false,
    };

    public void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new DomainException(
                "recommendation.conflict",
                "Iemand anders heeft deze aanbeveling intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.");
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("recommendation.closed", "Een afgeronde of vervallen aanbeveling kan niet meer worden gewijzigd.");
        }
    }

    private void Apply(RecommendationDetails details)
    {
        Text = Guard.Required(details.Text, "recommendation.text", "Schrijf de aanbeveling op", MaxTextLength);
        if ((details.Pillars & VisionPillars.All) == VisionPillar.None || (details.Pillars & ~VisionPillars.All) != 0)
        {
            throw new DomainException("recommendation.pillars", "Kies minstens één pijler van de visie.");
        }

        if (!Enum.IsDefined(details.Level))
        {
            throw new DomainException("recommendation.level", "Kies het niveau: casus, wijk of stedelijk.");
        }

        if (details.AddressedTo.Any(d => !Enum.IsDefined(d)))
        {
            throw new DomainException("recommendation.addressee", "Onbekende discipline bij 'gericht aan'.");
        }

        Pillars = details.Pillars;
        Level = details.Level;
        _addressedTo = [.. details.AddressedTo.Distinct().Order()];
        OwnerId = details.OwnerId;
        DueDate = details.DueDate;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = Guard.Utc(nowUtc);
        Version++;
    }
}
