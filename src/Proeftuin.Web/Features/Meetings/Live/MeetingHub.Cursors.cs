using Proeftuin.Core.Collaboration;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Where everyone's cursor and selection is, shown in their colour. Throttled to ten updates a second per connection
/// (extra updates are dropped: the next one carries the latest position); never stored. A cursor is only relayed for a
/// document the sender may edit (this meeting's verslag or a case on its agenda, as a member of its wijk).
/// </summary>
public sealed partial class MeetingHub
{
    public static readonly TimeSpan CursorInterval = TimeSpan.FromMilliseconds(100);

    public async Task<HubResult<bool>> UpdateCursor(CursorPosition position)
    {
        if (position is null || position.Anchor < 0 || position.Head < 0 || position.Anchor > DocumentLimits.MaxLength
            || position.Head > DocumentLimits.MaxLength || JoinedDocument(position.DocumentId) is not (var meetingId, var document))
        {
            return HubResult<bool>.Fail("request.invalid", "Onbekende cursorpositie of geen deelname aan een bespreking.");
        }

        // Checked like an edit, once per document while the connection stays in the room (before the throttle, so a
        // slow first lookup does not count against the next update).
        if (!presence.IsCursorDocument(Context.ConnectionId, document))
        {
            if (!await MayUseDocumentAsync(meetingId, document))
            {
                return HubResult<bool>.Fail("forbidden", "Dit document hoort niet bij jouw bespreking.");
            }

            presence.RememberCursorDocument(Context.ConnectionId, document);
        }

        if (!presence.TryCursorSlot(Context.ConnectionId, time.GetUtcNow(), CursorInterval))
        {
            return HubResult<bool>.Success(false);
        }

        var participant = presence.In(meetingId).First(p => p.UserId == access.UserIdOf(Context.User));
        await Clients.OthersInGroup(Group(meetingId)).CursorMoved(new CursorBroadcast(participant.UserId, participant.Colour, position));
        return HubResult<bool>.Success(true);
    }
}
