using Proeftuin.Core.Cases;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Archive;

/// <summary>
/// A search: the words, and optional filters. Theme and age band are the case's (a recommendation takes them from its
/// case; one without a case drops out); a pillar filter keeps recommendations only; the period is when the case or
/// recommendation was made (dates inclusive, UTC).
/// </summary>
public sealed record ArchiveQuery(
    string Text,
    string? Theme = null,
    AgeBand? AgeBand = null,
    VisionPillar? Pillar = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = ArchiveQuery.DefaultLimit)
{
    public const int DefaultLimit = 50;

    /// <summary>How many index matches are looked at before the filters; enough for the archive of a few wijken.</summary>
    internal const int CandidateLimit = 500;
}
