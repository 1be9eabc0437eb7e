using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// A recommendation as the coordinator sees it: its own text, wijk, meeting date and the case's code — never the case's
/// title or text, which only members of the wijk may read.
/// </summary>
public sealed record CompiledRecommendation(
    Guid Id,
    string Text,
    VisionPillar Pillars,
    RecommendationLevel Level,
    IReadOnlyList<Discipline> AddressedTo,
    RecommendationStatus Status,
    Guid WijkId,
    string WijkName,
    DateTime DateUtc,
    string? CaseCode,
    Guid? OwnerId,
    string? OwnerName,
    DateOnly? DueDate)
{
    /// <summary>The same rule as <see cref="Recommendation.IsOverdue"/>: a due date passed while still open.</summary>
    public bool IsOverdue(DateOnly today) =>
        DueDate is { } due && due < today && Status is RecommendationStatus.Proposed or RecommendationStatus.Agreed or RecommendationStatus.InProgress;

    public bool IsOpen => Status is RecommendationStatus.Proposed or RecommendationStatus.Agreed or RecommendationStatus.InProgress;
}
