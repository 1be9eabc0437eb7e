using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>What the server sends to the browsers preparing one case (the case page): the room's messages for one document.</summary>
public interface ICaseClient
{
    Task ParticipantJoined(Participant participant);

    Task ParticipantLeft(Guid userId);

    /// <summary>An edit applied by someone else, on this page or in a meeting room that has the case on its agenda.</summary>
    Task OperationApplied(OperationBroadcast operation);

    Task CursorMoved(CursorBroadcast cursor);

    Task FindingsChanged(FindingsBroadcast findings);
}
