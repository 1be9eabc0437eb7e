using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>Maps domain objects to what the room sees.</summary>
internal static class MeetingViews
{
    public static MeetingState State(Meeting meeting, DateTime nowUtc)
    {
        var item = meeting.CurrentItem;
        return new MeetingState(
            meeting.Status.ToString(),
            item?.Id,
            item?.Phase.ToString(),
            item is null ? null : (int)Math.Round(item.Remaining(nowUtc).TotalSeconds),
            item?.IsTimerRunning ?? false,
            nowUtc);
    }

    /// <summary>Kept for the join snapshot; the mapping itself is <see cref="Recommendations.RecommendationMapping.View"/>.</summary>
    public static Recommendations.RecommendationView View(Recommendation r) => Recommendations.RecommendationMapping.View(r);
}
