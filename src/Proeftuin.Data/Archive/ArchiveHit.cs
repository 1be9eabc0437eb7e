using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Archive;

public enum ArchiveHitKind
{
    Case,
    Recommendation,

    /// <summary>The final verslag of a closed meeting; <see cref="ArchiveHit.Id"/> is the meeting's id.</summary>
    Minutes,
}

/// <summary>
/// One result, best first. <see cref="Snippet"/> is HTML: the text is encoded and only the matching words are wrapped in
/// <c>&lt;mark&gt;</c>. For a recommendation, the case fields describe the case it was made for (if any). For a verslag, <see cref="Id"/> is the
/// meeting's, <see cref="MeetingTitle"/> its title and <see cref="CreatedAtUtc"/> the day it was held.
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
    double Score,
    string? MeetingTitle = null);
