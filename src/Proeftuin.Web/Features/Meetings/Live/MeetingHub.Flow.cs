using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>The chair leads the meeting: start, next phase or item, the timer, and closing (behind the anonymisation gate).</summary>
public sealed partial class MeetingHub
{
    /// <summary>Starts the meeting; everyone already in the room (on any node) is recorded as present.</summary>
    public Task<HubResult<MeetingState>> StartMeeting() => ChairAsync("start", async (meeting, now) =>
    {
        meeting.Start(now);
        foreach (var participant in await directory.InAsync(meeting.Id))
        {
            meeting.RecordAttendance(participant.UserId, now);
        }
    });

    public Task<HubResult<MeetingState>> AdvancePhase() => ChairAsync("advance-phase", (meeting, now) =>
    {
        meeting.AdvancePhase(now);
        return Task.CompletedTask;
    });

    public Task<HubResult<MeetingState>> StartTimer() => ChairAsync("start-timer", (meeting, now) =>
    {
        meeting.StartTimer(now);
        return Task.CompletedTask;
    });

    public Task<HubResult<MeetingState>> PauseTimer() => ChairAsync("pause-timer", (meeting, now) =>
    {
        meeting.PauseTimer(now);
        return Task.CompletedTask;
    });

    public Task<HubResult<MeetingState>> ExtendTimer(int minutes) => ChairAsync("extend-timer", (meeting, _) =>
    {
        meeting.ExtendTimer(minutes);
        return Task.CompletedTask;
    });

    /// <summary>Closes the meeting when no case text on the agenda holds an open anonymisation finding; freezes the texts.</summary>
    public async Task<HubResult<MeetingState>> CloseMeeting()
    {
        var result = await ChairAsync("close", CloseAsync);
        if (result.Ok)
        {
            // The verslag now exists: the room can open it and edit it together.
            var meetingId = presence.MeetingOf(Context.ConnectionId)!.Value;
            var minutes = await db.MeetingMinutes.AsNoTracking().FirstAsync(m => m.MeetingId == meetingId, Context.ConnectionAborted);
            await Clients.Group(Group(meetingId)).MinutesChanged(MinutesView.Of(minutes));
        }

        return result;
    }

    private async Task CloseAsync(Meeting meeting, DateTime now)
    {
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.Where(c => caseIds.Contains(c.Id)).ToListAsync(Context.ConnectionAborted);
        var open = 0;
        var texts = new Dictionary<Guid, (string Text, long Revision)>();
        foreach (var caseFile in cases)
        {
            var session = await documents.GetAsync(CaseDocument(caseFile.Id), caseFile.Text, Context.ConnectionAborted);
            var (text, revision) = await session.SnapshotAsync(Context.ConnectionAborted);
            texts[caseFile.Id] = (text, revision);
            open += (await openFindings.ForCaseAsync(caseFile, text, Context.ConnectionAborted)).Count;
        }

        meeting.Close(open, now);
        foreach (var caseFile in cases)
        {
            caseFile.RecordText(texts[caseFile.Id].Text, texts[caseFile.Id].Revision, now);
            if (caseFile.Status == CaseStatus.ReadyForDiscussion)
            {
                caseFile.MarkDiscussed(now);
            }
        }

        await CreateMinutesAsync(meeting, texts.ToDictionary(t => t.Key, t => t.Value.Text), now);
    }

    private async Task<HubResult<MeetingState>> ChairAsync(string action, Func<Meeting, DateTime, Task> change)
    {
        access.UseUser(Context.User);
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null)
        {
            return HubResult<MeetingState>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking.");
        }

        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.Attendance).FirstAsync(m => m.Id == meetingId, Context.ConnectionAborted);
        if (await access.RoleInAsync(meeting.NeighbourhoodId, Context.ConnectionAborted) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId));
            return HubResult<MeetingState>.Fail("forbidden", "Alleen de voorzitter van de wijk leidt de bespreking.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await change(meeting, now);
        }
        catch (DomainException error)
        {
            return HubResult<MeetingState>.Fail(error.Code, error.Message);
        }

        try
        {
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        catch (DbUpdateException)
        {
            // Another connection changed the meeting or one of its cases since we read it (e.g. a second tab of the
            // chair closed it a moment earlier): the version check refused our write, so nothing of ours was saved.
            var status = await db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Status).FirstAsync(Context.ConnectionAborted);
            return status == MeetingStatus.Closed
                ? HubResult<MeetingState>.Fail("meeting.closed", "De bespreking is inmiddels gesloten.")
                : HubResult<MeetingState>.Fail("meeting.conflict", "De bespreking is tegelijk door iemand anders gewijzigd; probeer het opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Chair"));
        var state = MeetingViews.State(meeting, now);
        await Clients.Group(Group(meeting.Id)).MeetingStateChanged(state);
        return HubResult<MeetingState>.Success(state);
    }
}
