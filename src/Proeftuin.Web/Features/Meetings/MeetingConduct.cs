using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.ScaleOut;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>The meeting and its closing verslag as both travel to the room when the chair closes it.</summary>
public sealed record ClosedMeeting(MeetingState State, MinutesView Minutes);

/// <summary>
/// The chair leads the meeting: start, next phase or item, the timer, and closing behind the anonymisation gate (the
/// case texts are frozen and the verslag written). The caller is a chair already (<see cref="MeetingCaller"/>); a
/// refused change saves nothing.
/// </summary>
public sealed class MeetingConduct(
    ProeftuinDbContext db, LiveDocuments documents, Anonymization.OpenFindings openFindings, MinutesWriting minutes,
    PresenceDirectory directory, AuditLog audit, TimeProvider time)
{
    /// <summary>Starts the meeting; everyone already in the room (on any node) is recorded as present.</summary>
    public Task<HubResult<MeetingState>> StartAsync(MeetingSeat chair, CancellationToken cancellationToken) =>
        ChangeAsync(chair, "start", async (meeting, now) =>
        {
            meeting.Start(now);
            foreach (var participant in await directory.InAsync(meeting.Id))
            {
                meeting.RecordAttendance(participant.UserId, now);
            }
        }, cancellationToken);

    public Task<HubResult<MeetingState>> AdvancePhaseAsync(MeetingSeat chair, CancellationToken cancellationToken) =>
        ChangeAsync(chair, "advance-phase", (meeting, now) => meeting.AdvancePhase(now), cancellationToken);

    public Task<HubResult<MeetingState>> StartTimerAsync(MeetingSeat chair, CancellationToken cancellationToken) =>
        ChangeAsync(chair, "start-timer", (meeting, now) => meeting.StartTimer(now), cancellationToken);

    public Task<HubResult<MeetingState>> PauseTimerAsync(MeetingSeat chair, CancellationToken cancellationToken) =>
        ChangeAsync(chair, "pause-timer", (meeting, now) => meeting.PauseTimer(now), cancellationToken);

    public Task<HubResult<MeetingState>> ExtendTimerAsync(MeetingSeat chair, int minutes, CancellationToken cancellationToken) =>
        ChangeAsync(chair, "extend-timer", (meeting, _) => meeting.ExtendTimer(minutes), cancellationToken);

    /// <summary>
    /// Closes the meeting when no case text on the agenda holds an open anonymisation finding: the live texts become
    /// the cases' texts, cases ready for discussion become discussed, and the verslag is written.
    /// </summary>
    public async Task<HubResult<ClosedMeeting>> CloseAsync(MeetingSeat chair, CancellationToken cancellationToken)
    {
        var closed = await ChangeAsync(chair, "close", async (meeting, now) =>
        {
            var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
            var cases = await db.CaseFiles.Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
            var open = 0;
            var texts = new Dictionary<Guid, (string Text, long Revision)>();
            foreach (var caseFile in cases)
            {
                var session = await documents.GetAsync(DocumentId.ForCase(caseFile.Id), caseFile.Text, cancellationToken);
                texts[caseFile.Id] = await session.SnapshotAsync(cancellationToken);
                open += (await openFindings.ForCaseAsync(caseFile, texts[caseFile.Id].Text, cancellationToken)).Count;
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

            await minutes.WriteAsync(meeting, texts.ToDictionary(t => t.Key, t => t.Value.Text), now, cancellationToken);
        }, cancellationToken);
        return closed.Ok
            ? HubResult<ClosedMeeting>.Success(new ClosedMeeting(closed.Value!, (await minutes.ViewAsync(chair.MeetingId, cancellationToken))!))
            : closed.As<ClosedMeeting>();
    }

    /// <summary>Fixes the verslag as it stands now, once it holds no open finding; nobody can change it afterwards.</summary>
    public async Task<HubResult<MinutesView>> FinaliseMinutesAsync(MeetingSeat chair, CancellationToken cancellationToken)
    {
        Anonymization.GuardVerdict? refused = null;
        var result = await ChangeAsync(chair, "finalise-minutes", async (meeting, now) =>
        {
            refused = await minutes.FinaliseAsync(meeting.Id, chair.UserId, now, cancellationToken);
            if (!refused.IsClear)
            {
                throw new DomainException(Anonymization.GuardVerdict.ErrorCode, refused.Message);
            }

            await Notifications.MeetingNotifications.MinutesFinalAsync(db, meeting, cancellationToken);
        }, cancellationToken);
        if (!result.Ok)
        {
            return refused is { IsClear: false } ? HubResult<MinutesView>.Refused(refused) : result.As<MinutesView>();
        }

        return HubResult<MinutesView>.Success((await minutes.ViewAsync(chair.MeetingId, cancellationToken))!);
    }

    /// <summary>Applies a chair's change to the meeting and saves it, or saves nothing (a domain rule or a concurrent change refused it).</summary>
    public async Task<HubResult<MeetingState>> ChangeAsync(MeetingSeat chair, string action, Func<Meeting, DateTime, Task> change, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.Attendance).FirstAsync(m => m.Id == chair.MeetingId, cancellationToken);
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
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another connection changed the meeting or one of its cases since we read it (e.g. a second tab of the
            // chair closed it a moment earlier): the version check refused our write, so nothing of ours was saved.
            var status = await db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Status).FirstAsync(cancellationToken);
            return status == MeetingStatus.Closed
                ? HubResult<MeetingState>.Fail("meeting.closed", "De bespreking is inmiddels gesloten.")
                : HubResult<MeetingState>.Fail("meeting.conflict", "De bespreking is tegelijk door iemand anders gewijzigd; probeer het opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Chair"), cancellationToken);
        return HubResult<MeetingState>.Success(MeetingViews.State(meeting, now));
    }

    private Task<HubResult<MeetingState>> ChangeAsync(MeetingSeat chair, string action, Action<Meeting, DateTime> change, CancellationToken cancellationToken) =>
        ChangeAsync(chair, action, (meeting, now) =>
        {
            change(meeting, now);
            return Task.CompletedTask;
        }, cancellationToken);
}
