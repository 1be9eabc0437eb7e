using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The live meeting room (<c>/hubs/meeting</c>): join a meeting of your own wijk, co-edit the case texts on its agenda
/// through the OT engine (persisted before the ack, broadcast to the room), see who is there. Every method checks
/// wijk membership and answers with a <see cref="HubResult{T}"/>: a refused call changes nothing and the connection
/// stays up.
/// </summary>
[Authorize(Policy = IdentitySetup.TwoFactorCompleted)]
public sealed partial class MeetingHub(
    ProeftuinDbContext db,
    WijkAccess access,
    LiveDocuments documents,
    Presence presence,
    ConnectionRateLimiter rateLimiter,
    FindingsMonitor findingsMonitor,
    Infrastructure.ScaleOut.PresenceDirectory directory,
    Infrastructure.Telemetry.LiveMetrics metrics,
    Anonymization.OpenFindings openFindings,
    Anonymization.TextGuard textGuard,
    AuditLog audit,
    EditAudit editAudit,
    TimeProvider time)
    : Hub<IMeetingClient>
{
    public const string Path = "/hubs/meeting";

    public static string Group(Guid meetingId) => $"meeting:{meetingId:N}";

    public static DocumentId CaseDocument(Guid caseId) => DocumentId.ForCase(caseId);

    public static DocumentId MinutesDocument(Guid meetingId) => DocumentId.ForMinutes(meetingId);

    public async Task<HubResult<MeetingSnapshot>> JoinMeeting(Guid meetingId)
    {
        access.UseUser(Context.User);
        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.Attendance).FirstOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return HubResult<MeetingSnapshot>.Fail("meeting.unknown", "Deze bespreking bestaat niet.");
        }

        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, Context.ConnectionAborted))
        {
            await audit.RecordAsync(new AuditEvent("join", "denied", "Meeting", meetingId.ToString(), meeting.NeighbourhoodId));
            return HubResult<MeetingSnapshot>.Fail("forbidden", "Je bent geen lid van de wijk van deze bespreking.");
        }

        if (meeting.Status == MeetingStatus.Live && meeting.RecordAttendance(access.UserId, time.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }

        var participant = new Participant(
            access.UserId,
            Context.User?.FindFirstValue(ProeftuinClaims.DisplayName) ?? string.Empty,
            Context.User?.FindFirstValue(ProeftuinClaims.Discipline) ?? string.Empty,
            Presence.ColourFor(access.UserId));
        presence.Join(Context.ConnectionId, meetingId, participant);
        await directory.JoinedAsync(meetingId, Context.ConnectionId, participant);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(meetingId), Context.ConnectionAborted);
        await Clients.OthersInGroup(Group(meetingId)).ParticipantJoined(participant);

        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(Context.ConnectionAborted);
        var states = new List<DocumentState>();
        foreach (var item in meeting.Agenda)
        {
            var caseFile = cases.Single(c => c.Id == item.CaseFileId);
            var session = await documents.GetAsync(CaseDocument(caseFile.Id), caseFile.Text, Context.ConnectionAborted);
            await documents.RefreshAsync(session, Context.ConnectionAborted);
            var (text, revision) = await session.SnapshotAsync(Context.ConnectionAborted);
            var findings = await openFindings.ForCaseAsync(caseFile, text, Context.ConnectionAborted);
            states.Add(new DocumentState(CaseDocument(caseFile.Id), $"{caseFile.Code} — {caseFile.Title}", text, revision, [.. findings.Select(f => Anonymization.FindingDto.From(f, text))]));
        }

        if (await MinutesStateAsync(meeting.Id) is { } minutesState)
        {
            states.Add(minutesState);
        }

        await audit.RecordAllAsync(MeetingAudit.Join(meeting, states));
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderBy(r => r.CreatedAtUtc).ToListAsync(Context.ConnectionAborted);
        return HubResult<MeetingSnapshot>.Success(new MeetingSnapshot(
            meeting.Id, meeting.Title, meeting.Status.ToString(), states, await directory.InAsync(meetingId),
            MeetingViews.State(meeting, time.GetUtcNow().UtcDateTime), [.. recommendations.Select(MeetingViews.View)],
            await WritingRoundsForAsync(meeting.Id),
            await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meeting.Id).Select(m => MinutesView.Of(m)).FirstOrDefaultAsync(Context.ConnectionAborted),
            await EvaluationSummaryAsync(meeting.Id)));
    }

    public async Task<HubResult<SubmitAck>> SubmitOperation(SubmitRequest request)
    {
        access.UseUser(Context.User);
        if (request is null || request.Operation is null || string.IsNullOrEmpty(request.ClientId) || request.ClientId.Length > 64)
        {
            return HubResult<SubmitAck>.Fail("request.invalid", "De wijziging is onvolledig.");
        }

        if (!rateLimiter.TryTake(Context.ConnectionId))
        {
            return HubResult<SubmitAck>.Fail("rate.limited", "Te veel wijzigingen tegelijk; even wachten en opnieuw versturen.");
        }

        if (JoinedDocument(request.DocumentId) is not (var meetingId, var document))
        {
            return HubResult<SubmitAck>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking waar dit document bij hoort.");
        }

        if (request.Operation.Refusal is { } refused)
        {
            return HubResult<SubmitAck>.Fail(refused.Code, refused.Message);
        }

        var isMinutes = document.Kind == DocumentKind.Minutes;
        Guid? caseId = isMinutes ? null : document.Id;

        // One round trip per operation: typing is the hottest path of the app.
        var userId = access.UserId;
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new
            {
                m.Id,
                m.Status,
                OnAgenda = m.Agenda.Any(a => a.CaseFileId == caseId),
                Member = db.Memberships.Any(x => x.NeighbourhoodId == m.NeighbourhoodId && x.ProfessionalId == userId),
                Minutes = db.MeetingMinutes.Where(x => x.MeetingId == m.Id).Select(x => new { x.FinalisedAtUtc }).FirstOrDefault(),
            })
            .FirstAsync(Context.ConnectionAborted);
        if (!meeting.Member || (!isMinutes && !meeting.OnAgenda))
        {
            return HubResult<SubmitAck>.Fail("forbidden", "Dit document hoort niet bij jouw bespreking.");
        }

        // Case texts are frozen when the meeting closes; from then on only its verslag is edited, until it is final.
        if (!isMinutes && meeting.Status == MeetingStatus.Closed)
        {
            return HubResult<SubmitAck>.Fail("meeting.closed", "De bespreking is gesloten; de teksten kunnen niet meer worden gewijzigd.");
        }

        if (isMinutes && (meeting.Minutes is null || meeting.Minutes.FinalisedAtUtc is not null))
        {
            return HubResult<SubmitAck>.Fail("minutes.final", "Het verslag is definitief (of nog niet gemaakt) en kan niet worden gewijzigd.");
        }

        var session = await documents.GetAsync(
            document, () => isMinutes ? MinutesBaseAsync(meeting.Id) : CaseTextAsync(caseId!.Value), Context.ConnectionAborted);
        using var trace = Infrastructure.Telemetry.LiveMetrics.Tracing.StartActivity("SubmitOperation");
        var started = time.GetTimestamp();
        try
        {
            var result = await documents.SubmitAsync(session, request, userId, Context.ConnectionAborted);
            trace?.SetTag("proeftuin.revision", result.Revision);
            if (!result.Duplicate)
            {
                metrics.Applied(time.GetElapsedTime(started));
                documents.Broadcast(meeting.Id, new OperationBroadcast(request.DocumentId, result.Revision, result.Operation, request.ClientId, request.ClientSeq));
                // The case text or the verslag: both are re-checked and the room sees the findings where they typed.
                findingsMonitor.Changed(meeting.Id, caseId, session);
                editAudit.Edited(meeting.Id, request.DocumentId, userId, audit);
            }

            return HubResult<SubmitAck>.Success(new SubmitAck(request.DocumentId, result.Revision, request.ClientSeq, result.Duplicate));
        }
        catch (OperationException error)
        {
            return HubResult<SubmitAck>.Fail(error.Code, error.Message);
        }
        catch (Proeftuin.Data.Collaboration.RevisionConflictException)
        {
            return HubResult<SubmitAck>.Fail("document.busy", "Het document wordt op dit moment erg druk bewerkt; de wijziging wordt zo opnieuw verstuurd.");
        }
    }

    private async Task<string> MinutesBaseAsync(Guid meetingId) =>
        await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => m.GeneratedText).FirstAsync(Context.ConnectionAborted);

    private async Task<string> CaseTextAsync(Guid caseId) =>
        await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Text).FirstAsync(Context.ConnectionAborted);

    public async Task<HubResult<bool>> LeaveMeeting()
    {
        await LeaveAsync();
        return HubResult<bool>.Success(true);
    }

    public override async Task OnConnectedAsync()
    {
        metrics.Connected();
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        rateLimiter.Forget(Context.ConnectionId);
        await LeaveAsync();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync()
    {
        if (presence.Leave(Context.ConnectionId) is { } left)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(left.MeetingId));
            await directory.LeftAsync(left.MeetingId, Context.ConnectionId);
            if (!await directory.StillPresentAsync(left.MeetingId, left.Participant.UserId))
            {
                await Clients.Group(Group(left.MeetingId)).ParticipantLeft(left.Participant.UserId);
            }
        }
    }

    /// <summary>
    /// The meeting this connection joined and the document it names, when the id is canonical and the document can
    /// belong to that meeting (a case, or this meeting's own verslag); whether the case is on the agenda and the caller
    /// a member is checked against the database by the caller.
    /// </summary>
    private (Guid MeetingId, DocumentId Document)? JoinedDocument(string? documentId)
    {
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null || !DocumentId.TryParse(documentId, out var document)
            || (document.Kind == DocumentKind.Minutes && document.Id != meetingId))
        {
            return null;
        }

        return (meetingId.Value, document);
    }

    /// <summary>True when the caller is a member of the meeting's wijk and the document is its verslag or on its agenda.</summary>
    private async Task<bool> MayUseDocumentAsync(Guid meetingId, DocumentId document)
    {
        var userId = access.UserIdOf(Context.User);
        Guid? caseId = document.Kind == DocumentKind.Case ? document.Id : null;
        return await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .AnyAsync(
                m => db.Memberships.Any(x => x.NeighbourhoodId == m.NeighbourhoodId && x.ProfessionalId == userId)
                    && (caseId == null || m.Agenda.Any(a => a.CaseFileId == caseId)),
                Context.ConnectionAborted);
    }
}
