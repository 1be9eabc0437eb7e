using Proeftuin.Core.Professionals;

namespace Proeftuin.Core.Recommendations;

/// <summary>What a member fills in for a recommendation.</summary>
public sealed record RecommendationDetails(
    string Text,
    VisionPillar Pillars,
    RecommendationLevel Level,
    IReadOnlyList<Discipline> AddressedTo,
    Guid? OwnerId,
    DateOnly? DueDate);
