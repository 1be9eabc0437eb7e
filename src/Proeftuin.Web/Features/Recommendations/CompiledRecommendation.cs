using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// A recommendation as the coordinator, the verslag and the exports see it: the recommendation itself with its wijk,
/// the date its meeting was held, the case's code and the owner's name — never the case's title or text, which only
/// members of the wijk may read. It carries the entity, so a new field of a recommendation is here without a change.
/// </summary>
public sealed record CompiledRecommendation
{
    /// <summary>Read without tracking; nothing here is saved.</summary>
    public required Recommendation Recommendation { get; init; }

    public required string NeighbourhoodName { get; init; }

    /// <summary>The day its meeting was held (started; the planned start when it never started), or when it was made.</summary>
    public required DateTime DateUtc { get; init; }

    public string? CaseCode { get; init; }

    public string? OwnerName { get; init; }

    public Guid Id => Recommendation.Id;

    public string Text => Recommendation.Text;

    public VisionPillar Pillars => Recommendation.Pillars;

    public RecommendationLevel Level => Recommendation.Level;

    public IReadOnlyList<Discipline> AddressedTo => Recommendation.AddressedTo;

    public RecommendationStatus Status => Recommendation.Status;

    public Guid NeighbourhoodId => Recommendation.NeighbourhoodId;

    public Guid? CaseFileId => Recommendation.CaseFileId;

    public Guid? OwnerId => Recommendation.OwnerId;

    public DateOnly? DueDate => Recommendation.DueDate;

    public bool IsOverdue(DateOnly today) => Recommendation.IsOverdue(today);

    public bool IsOpen => Recommendation.IsOpen;
}
