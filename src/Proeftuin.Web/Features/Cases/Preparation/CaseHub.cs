using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>
/// Preparing a case before any meeting (<c>/hubs/case</c>): members of the case's wijk co-edit its text live on the case
/// page, see who else is there and where their cursors are. The text is the same document (<c>case:{id}</c>), session,
/// op log and revisions as in the meeting room (<see cref="LiveDocuments"/>); <see cref="CaseEditRelay"/> carries
/// edits between the two. Every method checks membership of the case's wijk and answers with a
/// <see cref="HubResult{T}"/>; joins, catch-ups and the first edit of each author are audit-logged with the case.
/// </summary>
[Authorize(Policy = IdentitySetup.TwoFactorCompleted)]
public sealed class CaseHub(
    ProeftuinDbContext db,
    NeighbourhoodAccess access,
    LiveDocuments documents,
    CasePresence presence,
    ConnectionRateLimiter rateLimiter,
    OpenFindings openFindings,
    AuditLog audit,
    EditAudit editAudit,
    TimeProvider time)
    : Hub<ICaseClient>
{
    public const string Path = "/hubs/case";

    public static string Group(Guid caseId) => $"case:{caseId:N}";

    private Presence Rooms => presence.Rooms;

    public async Task<HubResult<CaseSnapshot>> JoinCase(Guid caseId)
    {
        access.UseUser(Context.User);
        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, Context.ConnectionAborted);
        if (caseFile is null)
        {
            return HubResult<CaseSnapshot>.Fail("case.unknown", "Deze casus bestaat niet.");
        }

        if (!await access.IsMemberAsync(caseFile.NeighbourhoodId, Context.ConnectionAborted))
        {
            await audit.RecordAsync(new AuditEvent("join", "denied", MeetingAudit.CaseObject, caseId.ToString(), caseFile.NeighbourhoodId));
            return HubResult<CaseSnapshot>.Fail("forbidden", "Je bent geen lid van de wijk van deze casus.");
        }

        var document = DocumentId.ForCase(caseId);
        var session = await documents.GetAsync(document, caseFile.Text, Context.ConnectionAborted);
        await documents.RefreshAsync(session, Context.ConnectionAborted);
        var (text, revision) = await session.SnapshotAsync(Context.ConnectionAborted);
        var findings = await openFindings.ForCaseAsync(caseFile, text, Context.ConnectionAborted);

        if (Rooms.MeetingOf(Context.ConnectionId) is { } previous && previous != caseId)
        {
            await LeaveAsync();
        }

        var participant = new Participant(
            access.UserId,
            Context.User?.FindFirstValue(ProeftuinClaims.DisplayName) ?? string.Empty,
            Context.User?.FindFirstValue(ProeftuinClaims.Discipline) ?? string.Empty,
            Presence.ColourFor(access.UserId));
        Rooms.Join(Context.ConnectionId, caseId, participant);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(caseId), Context.ConnectionAborted);
        await Clients.OthersInGroup(Group(caseId)).ParticipantJoined(participant);
        await audit.RecordAsync(new AuditEvent("join", "success", MeetingAudit.CaseObject, caseId.ToString(), caseFile.NeighbourhoodId, "Member"));
        var state = new DocumentState(document, $"{caseFile.Code} — {caseFile.Title}", text, revision, [.. findings.Select(f => FindingDto.From(f, text))]);
        return HubResult<CaseSnapshot>.Success(new CaseSnapshot(caseId, caseFile.Title, caseFile.Status.ToString(), state, Rooms.In(caseId)));
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

        if (JoinedCase(request.DocumentId) is not { } caseId)
        {
            return HubResult<SubmitAck>.Fail("case.not-joined", "Open eerst de casus waar deze tekst bij hoort.");
        }

        if (request.Operation.Refusal is { } refused)
        {
            return HubResult<SubmitAck>.Fail(refused.Code, refused.Message);
        }

        // One round trip: whether the caller is (still) a member and the case is still being prepared.
        var userId = access.UserId;
        var found = await db.CaseFiles.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Status, Member = db.Memberships.Any(m => m.NeighbourhoodId == c.NeighbourhoodId && m.ProfessionalId == userId) })
            .FirstAsync(Context.ConnectionAborted);
        if (!found.Member)
        {
            return HubResult<SubmitAck>.Fail("forbidden", "Je bent geen lid van de wijk van deze casus.");
        }

        if (found.Status is not (CaseStatus.Draft or CaseStatus.ReadyForDiscussion))
        {
            return HubResult<SubmitAck>.Fail("case.not-editable", "Deze casus is besproken of gearchiveerd; de tekst wordt hier niet meer voorbereid.");
        }

        var session = await documents.GetAsync(DocumentId.ForCase(caseId), () => CaseTextAsync(caseId), Context.ConnectionAborted);
        try
        {
            var result = await documents.SubmitAsync(session, request, userId, EditOrigin.CasePage, Context.ConnectionAborted);
            if (!result.Duplicate)
            {
                await Clients.OthersInGroup(Group(caseId)).OperationApplied(
                    new OperationBroadcast(request.DocumentId, result.Revision, result.Operation, request.ClientId, request.ClientSeq));
                editAudit.Edited(caseId, request.DocumentId, userId, audit);
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

    public async Task<HubResult<IReadOnlyList<OperationBroadcast>>> CatchUp(string documentId, long revision)
    {
        access.UseUser(Context.User);
        if (JoinedCase(documentId) is not { } caseId || revision < 0)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("case.not-joined", "Open eerst de casus waar deze tekst bij hoort.");
        }

        var neighbourhoodId = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.NeighbourhoodId).FirstAsync(Context.ConnectionAborted);
        if (!await access.IsMemberAsync(neighbourhoodId, Context.ConnectionAborted))
        {
            await audit.RecordAsync(new AuditEvent("catch-up", "denied", MeetingAudit.CaseObject, caseId.ToString(), neighbourhoodId));
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("forbidden", "Je bent geen lid van de wijk van deze casus.");
        }

        var missed = await documents.OperationsAfterAsync(DocumentId.ForCase(caseId), revision, Context.ConnectionAborted);
        if (missed.Count > LiveEditing.MaxCatchUpOperations)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("document.too-far-behind", "Je versie is te oud om bij te werken; laad de casus opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent("catch-up", "success", MeetingAudit.CaseObject, caseId.ToString(), neighbourhoodId, "Member"));
        return HubResult<IReadOnlyList<OperationBroadcast>>.Success(
            [.. missed.Select(a => new OperationBroadcast(documentId, a.Revision, a.Operation, a.ClientId, a.ClientSeq))]);
    }

    /// <summary>The caller's cursor to the others on the page, at most ten a second (the room's throttle).</summary>
    public async Task<HubResult<bool>> UpdateCursor(CursorPosition position)
    {
        if (position is null || position.Anchor < 0 || position.Head < 0 || position.Anchor > DocumentLimits.MaxLength
            || position.Head > DocumentLimits.MaxLength || JoinedCase(position.DocumentId) is not { } caseId)
        {
            return HubResult<bool>.Fail("request.invalid", "Onbekende cursorpositie of de casus is niet geopend.");
        }

        if (!Rooms.TryCursorSlot(Context.ConnectionId, time.GetUtcNow(), LiveEditing.CursorInterval))
        {
            return HubResult<bool>.Success(false);
        }

        var userId = access.UserIdOf(Context.User);
        var participant = Rooms.In(caseId).First(p => p.UserId == userId);
        await Clients.OthersInGroup(Group(caseId)).CursorMoved(new CursorBroadcast(participant.UserId, participant.Colour, position));
        return HubResult<bool>.Success(true);
    }

    public async Task<HubResult<bool>> LeaveCase()
    {
        await LeaveAsync();
        return HubResult<bool>.Success(true);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        rateLimiter.Forget(Context.ConnectionId);
        await LeaveAsync();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync()
    {
        if (Rooms.Leave(Context.ConnectionId) is { } left)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(left.MeetingId));
            if (Rooms.In(left.MeetingId).All(p => p.UserId != left.Participant.UserId))
            {
                await Clients.Group(Group(left.MeetingId)).ParticipantLeft(left.Participant.UserId);
            }
        }
    }

    /// <summary>The case this connection joined, when <paramref name="documentId"/> is exactly its canonical document id.</summary>
    private Guid? JoinedCase(string? documentId) =>
        Rooms.MeetingOf(Context.ConnectionId) is { } caseId && DocumentId.TryParse(documentId, out var document)
            && document.Kind == DocumentKind.Case && document.Id == caseId
            ? caseId
            : null;

    private async Task<string> CaseTextAsync(Guid caseId) =>
        await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Text).FirstAsync(Context.ConnectionAborted);
}
