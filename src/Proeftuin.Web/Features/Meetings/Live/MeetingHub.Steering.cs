namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The chair steers the live meeting: back a phase, on to the next case, or to any case on the agenda. The rules live
/// in <see cref="MeetingSteering"/>; the hub only names the caller's meeting and broadcasts the new state to the room.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<HubResult<MeetingState>> ReturnToPreviousPhase() =>
        BroadcastStateAsync(steering.ReturnToPreviousPhaseAsync(Context.User, presence.MeetingOf(Context.ConnectionId), Context.ConnectionAborted));

    public Task<HubResult<MeetingState>> MoveToNextItem() =>
        BroadcastStateAsync(steering.MoveToNextItemAsync(Context.User, presence.MeetingOf(Context.ConnectionId), Context.ConnectionAborted));

    public Task<HubResult<MeetingState>> MoveToItem(Guid agendaItemId) =>
        BroadcastStateAsync(steering.MoveToItemAsync(Context.User, presence.MeetingOf(Context.ConnectionId), agendaItemId, Context.ConnectionAborted));

    /// <summary>A successful step is sent to everyone in the room with the same message as every other change of state.</summary>
    private async Task<HubResult<MeetingState>> BroadcastStateAsync(Task<HubResult<MeetingState>> step)
    {
        var result = await step;
        if (result is { Ok: true, Value: { } state } && presence.MeetingOf(Context.ConnectionId) is { } meetingId)
        {
            await Clients.Group(Group(meetingId)).MeetingStateChanged(state);
        }

        return result;
    }
}
