namespace Proeftuin.Core.Recommendations;

/// <summary>
/// The one rule for "open": proposed, agreed or in progress. Overdue, follow-up, the coordinator's counts and the edit
/// rule of <see cref="Recommendation"/> all ask here.
/// </summary>
public static class RecommendationStatuses
{
    /// <summary>The open statuses as a list, so a database query can test membership (<c>Open.Contains(r.Status)</c>).</summary>
    public static readonly IReadOnlyList<RecommendationStatus> Open =
        [RecommendationStatus.Proposed, RecommendationStatus.Agreed, RecommendationStatus.InProgress];

    public static bool IsOpen(RecommendationStatus status) => Open.Contains(status);

    /// <summary>Open and its due date passed before <paramref name="today"/>.</summary>
    public static bool IsOverdue(RecommendationStatus status, DateOnly? dueDate, DateOnly today) =>
        dueDate is { } due && due < today && IsOpen(status);
}
