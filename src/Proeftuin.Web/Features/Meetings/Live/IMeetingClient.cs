using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>What the server sends to the browsers in a meeting room.</summary>
public interface IMeetingClient
{
    Task ParticipantJoined(Participant participant);

    Task ParticipantLeft(Guid userId);

    /// <summary>The operations the room applied in one tick, the receiver's own included (its ack): see <see cref="RoomBroadcasts"/>.</summary>
    Task OperationsApplied(OperationBatch batch);

    Task MeetingStateChanged(MeetingState state);

    Task RecommendationChanged(RecommendationView recommendation);

    Task RecommendationRemoved(Guid recommendationId);

    Task CursorMoved(CursorBroadcast cursor);

    Task FindingsChanged(FindingsBroadcast findings);

    /// <summary>A writing round opened, got another answer or was revealed; unrevealed answers are never included.</summary>
    Task WritingRoundChanged(WritingRoundView round);

    /// <summary>The verslag was created (at closing) or made final.</summary>
    Task MinutesChanged(MinutesView minutes);

    Task EvaluationChanged(EvaluationSummary evaluation);
}
