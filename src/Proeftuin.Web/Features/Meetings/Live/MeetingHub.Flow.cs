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
    public Task<HubResult<MeetingState>> StartMeeting() => ChairAsync("start", (meeting, now) =>
    {
        meeting.Start(now);
        return Task.CompletedTask;
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
    public Task<HubResult<MeetingState>> CloseMeeting() => ChairAsync("close", async (meeting, now) =>
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
            open += (await Cases.CaseEndpoints.OpenFindingsAsync(caseFile, db, guarded, Context.ConnectionAborted, text)).Count;
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
    });

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

        await db.SaveChangesAsync(Context.ConnectionAborted);
        await audit.RecordAsync(new AuditEvent(action, "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Chair"));
        var state = MeetingViews.State(meeting, now);
        await Clients.Group(Group(meeting.Id)).MeetingStateChanged(state);
        return HubResult<MeetingState>.Success(state);
    }
}
