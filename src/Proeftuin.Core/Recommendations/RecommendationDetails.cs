using Proeftuin.Core.Professionals;

namespace Proeftuin.Core.Recommendations;

/// <summary>
/// What a member fills in for a recommendation. Named properties, not a positional record: a new field is one more
/// property here, and no call site that does not set it has to change.
/// </summary>
public sealed record RecommendationDetails
{
    public required string Text { get; init; }

    public required VisionPillar Pillars { get; init; }

    public required RecommendationLevel Level { get; init; }

    public IReadOnlyList<Discipline> AddressedTo { get; init; } = [];

    public Guid? OwnerId { get; init; }

    public DateOnly? DueDate { get; init; }
}
