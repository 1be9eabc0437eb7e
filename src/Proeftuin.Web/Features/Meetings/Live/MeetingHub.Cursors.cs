namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Where everyone's cursor and selection is, shown in their colour. Throttled to ten updates a second per connection
/// (extra updates are dropped: the next one carries the latest position); never stored.
/// </summary>
public sealed partial class MeetingHub
{
    public static readonly TimeSpan CursorInterval = TimeSpan.FromMilliseconds(100);

    public async Task<HubResult<bool>> UpdateCursor(CursorPosition position)
    {
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null || position is null || position.Anchor < 0 || position.Head < 0)
        {
            return HubResult<bool>.Fail("request.invalid", "Onbekende cursorpositie of geen deelname aan een bespreking.");
        }

        if (!presence.TryCursorSlot(Context.ConnectionId, time.GetUtcNow(), CursorInterval))
        {
            return HubResult<bool>.Success(false);
        }

        var participant = presence.In(meetingId.Value).First(p => p.UserId == access.UserIdOf(Context.User));
        await Clients.OthersInGroup(Group(meetingId.Value)).CursorMoved(new CursorBroadcast(participant.UserId, participant.Colour, position));
        return HubResult<bool>.Success(true);
    }
}
