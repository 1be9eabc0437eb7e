using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.ScaleOut;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>Who left a room, and whether that was their last connection in it (then the room hears it).</summary>
public sealed record LeftRoom(Guid MeetingId, Guid UserId, bool Gone);

/// <summary>
/// Entering and leaving a meeting room: attendance once the meeting is live, presence on this node and in the shared
/// directory, and the snapshot a participant starts from (every document at its current revision with its open
/// findings, recommendations, writing rounds as the participant may see them, the verslag and the evaluation). Each
/// document the snapshot discloses is audit-logged.
/// </summary>
public sealed class MeetingRoom(
    ProeftuinDbContext db, LiveDocuments documents, Presence presence, PresenceDirectory directory,
    Anonymization.OpenFindings openFindings, MinutesWriting minutes, WritingRounds writingRounds, MeetingEvaluations evaluations,
    AuditLog audit, TimeProvider time)
{
    /// <summary>Puts the connection in the room (attendance counts from the start of the meeting) and tells who it is.</summary>
    public async Task<Participant> EnterAsync(MeetingSeat seat, string connectionId, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Attendance).FirstAsync(m => m.Id == seat.MeetingId, cancellationToken);
        if (meeting.Status == MeetingStatus.Live && meeting.RecordAttendance(seat.UserId, time.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var participant = new Participant(
            seat.UserId,
            user?.FindFirstValue(ProeftuinClaims.DisplayName) ?? string.Empty,
            user?.FindFirstValue(ProeftuinClaims.Discipline) ?? string.Empty,
            Presence.ColourFor(seat.UserId));
        presence.Join(connectionId, seat.MeetingId, participant);
        await directory.JoinedAsync(seat.MeetingId, connectionId, participant);
        return participant;
    }

    /// <summary>Everything a participant of the room starts from; the documents it discloses are audit-logged.</summary>
    public async Task<MeetingSnapshot> SnapshotAsync(MeetingSeat seat, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstAsync(m => m.Id == seat.MeetingId, cancellationToken);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var states = new List<DocumentState>();
        foreach (var caseFile in meeting.Agenda.Select(item => cases.Single(c => c.Id == item.CaseFileId)))
        {
            var session = await documents.GetAsync(DocumentId.ForCase(caseFile.Id), caseFile.Text, cancellationToken);
            await documents.RefreshAsync(session, cancellationToken);
            var (text, revision) = await session.SnapshotAsync(cancellationToken);
            var findings = await openFindings.ForCaseAsync(caseFile, text, cancellationToken);
            states.Add(new DocumentState(DocumentId.ForCase(caseFile.Id), $"{caseFile.Code} — {caseFile.Title}", text, revision, [.. findings.Select(f => Anonymization.FindingDto.From(f, text))]));
        }

        if (await minutes.StateAsync(meeting.Id, cancellationToken) is { } minutesState)
        {
            states.Add(minutesState);
        }

        await audit.RecordAllAsync(MeetingAudit.Join(meeting, states), cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        return new MeetingSnapshot(
            meeting.Id, meeting.Title, meeting.Status.ToString(), states, await directory.InAsync(meeting.Id),
            MeetingViews.State(meeting, time.GetUtcNow().UtcDateTime), [.. recommendations.Select(MeetingViews.View)],
            await writingRounds.ForMeetingAsync(meeting.Id, seat.UserId, cancellationToken),
            await minutes.ViewAsync(meeting.Id, cancellationToken),
            await evaluations.SummaryAsync(meeting.Id, cancellationToken));
    }

    /// <summary>Takes the connection out of its room, if it was in one.</summary>
    public async Task<LeftRoom?> LeaveAsync(string connectionId)
    {
        if (presence.Leave(connectionId) is not { } left)
        {
            return null;
        }

        await directory.LeftAsync(left.MeetingId, connectionId);
        return new LeftRoom(left.MeetingId, left.Participant.UserId, !await directory.StillPresentAsync(left.MeetingId, left.Participant.UserId));
    }
}
