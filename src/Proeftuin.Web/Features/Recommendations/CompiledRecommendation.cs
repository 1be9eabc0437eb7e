using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// A recommendation as the coordinator and the exports see it: its own text, wijk, the date its meeting was held and
/// the case's code — never the case's title or text, which only members of the wijk may read. Named properties: a new
/// field is one more property, set in <see cref="RecommendationCompilation"/>'s one projection.
/// </summary>
public sealed record CompiledRecommendation
{
    public required Guid Id { get; init; }

    public required string Text { get; init; }

    public required VisionPillar Pillars { get; init; }

    public required RecommendationLevel Level { get; init; }

    public IReadOnlyList<Discipline> AddressedTo { get; init; } = [];

    public required RecommendationStatus Status { get; init; }

    public required Guid WijkId { get; init; }

    public required string WijkName { get; init; }

    /// <summary>The day its meeting was held (started; the planned start when it never started), or when it was made.</summary>
    public required DateTime DateUtc { get; init; }

    public Guid? CaseFileId { get; init; }

    public string? CaseCode { get; init; }

    public Guid? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public DateOnly? DueDate { get; init; }

    public bool IsOverdue(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueDate, today);

    public bool IsOpen => RecommendationStatuses.IsOpen(Status);
}
