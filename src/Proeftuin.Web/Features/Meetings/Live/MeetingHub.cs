using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Proeftuin.Core.Collaboration;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The live meeting room (<c>/hubs/meeting</c>), a thin adapter: each method asks the one guard
/// (<see cref="MeetingCaller"/>) for the caller's seat (member or chair of the meeting's wijk; the second factor is
/// required for the whole hub), calls one use case and broadcasts what it returns. Every method answers with a
/// <see cref="HubResult{T}"/>: a refused call changes nothing and the connection stays up.
/// </summary>
[Authorize(Policy = IdentitySetup.TwoFactorCompleted)]
public sealed partial class MeetingHub(MeetingCaller caller, MeetingRoom room, LiveEditing editing, MeetingUseCases meetings)
    : Hub<IMeetingClient>
{
    public const string Path = "/hubs/meeting";

    public static string Group(Guid meetingId) => $"meeting:{meetingId:N}";

    public static DocumentId CaseDocument(Guid caseId) => DocumentId.ForCase(caseId);

    public static DocumentId MinutesDocument(Guid meetingId) => DocumentId.ForMinutes(meetingId);

    private CancellationToken Aborted => Context.ConnectionAborted;

    /// <summary>Joins before the snapshot is read, so no operation applied in between is missed.</summary>
    public async Task<HubResult<MeetingSnapshot>> JoinMeeting(Guid meetingId)
    {
        var call = await caller.JoinAsync(Context, meetingId);
        if (call.Seat is not { } seat)
        {
            return HubResult<MeetingSnapshot>.Fail(call.Error!);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(meetingId), Aborted);
        var participant = await room.EnterAsync(seat, Context.ConnectionId, Context.User, Aborted);
        await Clients.OthersInGroup(Group(meetingId)).ParticipantJoined(participant);
        return HubResult<MeetingSnapshot>.Success(await room.SnapshotAsync(seat, Aborted));
    }

    public Task<HubResult<SubmitAck>> SubmitOperation(SubmitRequest request) => Forward(
        caller.MemberAsync(Context, LiveEditing.NotJoinedDocument), seat => editing.SubmitAsync(seat, Context.ConnectionId, request, Aborted),
        (seat, applied) => editing.PublishAsync(seat, applied));

    public Task<HubResult<IReadOnlyList<OperationBroadcast>>> CatchUp(string documentId, long revision) =>
        Guard(caller.MemberAsync(Context, LiveEditing.NotJoinedDocument), seat => editing.CatchUpAsync(seat, documentId, revision, Aborted));

    public Task<HubResult<bool>> UpdateCursor(CursorPosition position) => Forward(
        caller.MemberAsync(Context, LiveEditing.InvalidCursor), seat => editing.CursorAsync(seat, Context.ConnectionId, position, Aborted),
        (seat, cursor) => Clients.OthersInGroup(Group(seat.MeetingId)).CursorMoved(cursor));

    public async Task<HubResult<bool>> LeaveMeeting()
    {
        await LeaveAsync();
        return HubResult<bool>.Success(true);
    }

    public Task<HubResult<MeetingState>> StartMeeting() => Chair("start", seat => meetings.Conduct.StartAsync(seat, Aborted));

    public Task<HubResult<MeetingState>> AdvancePhase() => Chair("advance-phase", seat => meetings.Conduct.AdvancePhaseAsync(seat, Aborted));

    public Task<HubResult<MeetingState>> StartTimer() => Chair("start-timer", seat => meetings.Conduct.StartTimerAsync(seat, Aborted));

    public Task<HubResult<MeetingState>> PauseTimer() => Chair("pause-timer", seat => meetings.Conduct.PauseTimerAsync(seat, Aborted));

    public Task<HubResult<MeetingState>> ExtendTimer(int minutes) => Chair("extend-timer", seat => meetings.Conduct.ExtendTimerAsync(seat, minutes, Aborted));

    /// <summary>Closes the meeting (behind the anonymisation gate); the room sees the closed state and can open the verslag.</summary>
    public async Task<HubResult<MeetingState>> CloseMeeting()
    {
        var closed = await Guard(caller.ChairAsync(Context, "close"), seat => meetings.Conduct.CloseAsync(seat, Aborted), async (seat, meeting) =>
        {
            await Clients.Group(Group(seat.MeetingId)).MeetingStateChanged(meeting.State);
            await Clients.Group(Group(seat.MeetingId)).MinutesChanged(meeting.Minutes);
        });
        return closed.Ok ? HubResult<MeetingState>.Success(closed.Value!.State) : closed.As<MeetingState>();
    }

    public Task<HubResult<MinutesView>> FinaliseMinutes() => Guard(
        caller.ChairAsync(Context, "finalise-minutes"), seat => meetings.Conduct.FinaliseMinutesAsync(seat, Aborted),
        (seat, minutes) => Clients.Group(Group(seat.MeetingId)).MinutesChanged(minutes));

    public Task<HubResult<EvaluationSummary>> EvaluateMeeting(int score, string? remark) => Guard(
        caller.MemberAsync(Context), seat => meetings.Evaluations.EvaluateAsync(seat, score, remark, Aborted),
        (seat, summary) => Clients.Group(Group(seat.MeetingId)).EvaluationChanged(summary));

    public Task<HubResult<WritingRoundView>> OpenWritingRound(string prompt) => Guard(
        caller.ChairAsync(Context, "open-writing-round"), seat => meetings.WritingRounds.OpenAsync(seat, prompt, Aborted),
        (seat, round) => Clients.Group(Group(seat.MeetingId)).WritingRoundChanged(round));

    /// <summary>The room learns only that one more answer exists; the author gets their own text back.</summary>
    public async Task<HubResult<WritingRoundView>> WriteEntry(Guid roundId, string text)
    {
        var written = await Guard(caller.MemberAsync(Context), seat => meetings.WritingRounds.WriteAsync(seat, roundId, text, Aborted),
            (seat, entry) => Clients.OthersInGroup(Group(seat.MeetingId)).WritingRoundChanged(entry.ForOthers));
        return written.Ok ? HubResult<WritingRoundView>.Success(written.Value!.ForAuthor) : written.As<WritingRoundView>();
    }

    public Task<HubResult<WritingRoundView>> RevealWritingRound(Guid roundId) => Guard(
        caller.ChairAsync(Context, "reveal-writing-round"), seat => meetings.WritingRounds.RevealAsync(seat, roundId, Aborted),
        (seat, round) => Clients.Group(Group(seat.MeetingId)).WritingRoundChanged(round));

    public override async Task OnConnectedAsync()
    {
        editing.Connected();
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        editing.Disconnected(Context.ConnectionId);
        await LeaveAsync();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync()
    {
        MeetingCaller.Forget(Context);
        if (await room.LeaveAsync(Context.ConnectionId) is { } left)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(left.MeetingId));
            if (left.Gone)
            {
                await Clients.Group(Group(left.MeetingId)).ParticipantLeft(left.UserId);
            }
        }
    }

    /// <summary>guard → use case → broadcast (only what succeeded) → answer.</summary>
    private static async Task<HubResult<T>> Guard<T>(Task<Guarded> guard, Func<MeetingSeat, Task<HubResult<T>>> use, Func<MeetingSeat, T, Task>? broadcast = null)
    {
        var call = await guard;
        if (call.Seat is not { } seat)
        {
            return HubResult<T>.Fail(call.Error!);
        }

        var result = await use(seat);
        if (result.Ok && broadcast is not null)
        {
            await broadcast(seat, result.Value!);
        }

        return result;
    }

    private static async Task<HubResult<T>> Forward<T, TMessage>(Task<Guarded> guard, Func<MeetingSeat, Task<Relay<T, TMessage>>> use, Func<MeetingSeat, TMessage, Task> broadcast)
        where TMessage : class
    {
        var call = await guard;
        if (call.Seat is not { } seat)
        {
            return HubResult<T>.Fail(call.Error!);
        }

        var (answer, message) = await use(seat);
        if (message is not null)
        {
            await broadcast(seat, message);
        }

        return answer;
    }

    private Task<HubResult<MeetingState>> Chair(string action, Func<MeetingSeat, Task<HubResult<MeetingState>>> use) =>
        Guard(caller.ChairAsync(Context, action), use, (seat, state) => Clients.Group(Group(seat.MeetingId)).MeetingStateChanged(state));
}
