using Proeftuin.Core.Common;

namespace Proeftuin.Core.Recommendations;

/// <summary>
/// One step in the follow-up of a recommendation after its meeting: a status change (<see cref="FromStatus"/> →
/// <see cref="ToStatus"/>), a note, or both, by whom and when. Rows are only ever added, so the history cannot be
/// rewritten.
/// </summary>
public sealed class RecommendationProgress
{
    public const int MaxNoteLength = 2000;

    private RecommendationProgress()
    {
    }

    public RecommendationProgress(
        Guid id, Guid recommendationId, RecommendationStatus? fromStatus, RecommendationStatus? toStatus, string? note, Guid authorId, DateTime nowUtc)
    {
        Note = Guard.Optional(note, "progress.note", "De notitie is te lang", MaxNoteLength);
        if (toStatus is null && Note is null)
        {
            throw new DomainException("progress.empty", "Kies een nieuwe status of schrijf een notitie.");
        }

        if ((fromStatus is null) != (toStatus is null))
        {
            throw new ArgumentException("A status change names both the old and the new status.", nameof(toStatus));
        }

        Id = id;
        RecommendationId = recommendationId;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        AuthorId = authorId;
        AtUtc = Guard.Utc(nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid RecommendationId { get; private set; }

    /// <summary>Null when this step is a note only.</summary>
    public RecommendationStatus? FromStatus { get; private set; }

    public RecommendationStatus? ToStatus { get; private set; }

    public string? Note { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTime AtUtc { get; private set; }
}
