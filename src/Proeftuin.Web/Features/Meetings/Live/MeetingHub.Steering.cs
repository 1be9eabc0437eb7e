namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The chair steers the live meeting: back a phase, on to the next case, or to any case on the agenda. The rules live
/// in <see cref="MeetingSteering"/>; the hub only names the caller's meeting and broadcasts the new state to the room.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<HubResult<MeetingState>> ReturnToPreviousPhase() =>
        SteerAsync((steering, meetingId) => steering.ReturnToPreviousPhaseAsync(Context.User, meetingId, Aborted));

    public Task<HubResult<MeetingState>> MoveToNextItem() =>
        SteerAsync((steering, meetingId) => steering.MoveToNextItemAsync(Context.User, meetingId, Aborted));

    public Task<HubResult<MeetingState>> MoveToItem(Guid agendaItemId) =>
        SteerAsync((steering, meetingId) => steering.MoveToItemAsync(Context.User, meetingId, agendaItemId, Aborted));

    /// <summary>A successful step is sent to everyone in the room with the same message as every other change of state.</summary>
    private Task<HubResult<MeetingState>> SteerAsync(Func<MeetingSteering, Guid, Task<HubResult<MeetingState>>> step) =>
        Guard(caller.MemberAsync(Context), seat => step(meetings.Steering, seat.MeetingId), (seat, state) => Clients.Group(Group(seat.MeetingId)).MeetingStateChanged(state));
}
