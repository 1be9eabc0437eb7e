using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Archive;

public enum ArchiveHitKind
{
    Case,
    Recommendation,
}

/// <summary>
/// One result, best first. <see cref="Snippet"/> is HTML: the text is encoded and only the matching words are wrapped in
/// <c>&lt;mark&gt;</c>. For a recommendation, the case fields describe the case it was made for (if any).
/// </summary>
public sealed record ArchiveHit(
    ArchiveHitKind Kind,
    Guid Id,
    Guid NeighbourhoodId,
    string NeighbourhoodName,
    string NeighbourhoodSlug,
    Guid? CaseFileId,
    string? CaseCode,
    string? CaseTitle,
    VisionPillar Pillars,
    DateTime CreatedAtUtc,
    string Snippet,
    double Score);
