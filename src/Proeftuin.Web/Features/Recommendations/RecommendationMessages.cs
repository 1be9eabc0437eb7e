namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// What the room's form sends: the fields of a recommendation and the case it is written for — a case on the agenda,
/// chosen explicitly, or none for the meeting as a whole (never "the item that happens to be current").
/// </summary>
public sealed record RecommendationInput(
    string Text,
    IReadOnlyList<string> Pillars,
    string Level,
    IReadOnlyList<string> AddressedTo,
    Guid? OwnerId,
    DateOnly? DueDate,
    Guid? CaseFileId);

/// <summary>A recommendation as the room shows it; <paramref name="Version"/> is what the next change must name.</summary>
public sealed record RecommendationView(
    Guid Id,
    string Text,
    IReadOnlyList<string> Pillars,
    string Level,
    IReadOnlyList<string> AddressedTo,
    Guid? OwnerId,
    DateOnly? DueDate,
    string Status,
    int Version,
    Guid? CaseFileId);
