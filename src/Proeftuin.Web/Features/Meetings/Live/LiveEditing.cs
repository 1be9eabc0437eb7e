using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Telemetry;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>The caller's answer and, when there is one, what the rest of the room must hear.</summary>
public sealed record Relay<T, TMessage>(HubResult<T> Answer, TMessage? Message)
    where TMessage : class;

/// <summary>
/// Co-editing the room's documents (a case on the agenda or the meeting's own verslag) through the OT engine: an
/// operation is persisted before it is acknowledged; a client that fell behind catches up from the durable log; cursors
/// are relayed, throttled and never stored. The caller is a member of the meeting's wijk already
/// (<see cref="MeetingCaller"/>); what is checked here is the document: its id, its place in this meeting, its state.
/// </summary>
public sealed class LiveEditing(
    ProeftuinDbContext db, LiveDocuments documents, Presence presence, ConnectionRateLimiter rateLimiter,
    FindingsMonitor findingsMonitor, MeetingEditStates editStates, EditAudit editAudit, AuditLog audit, LiveMetrics metrics, TimeProvider time)
{
    public const int MaxCatchUpOperations = 10_000;
    public static readonly TimeSpan CursorInterval = TimeSpan.FromMilliseconds(100);
    public static readonly HubError NotJoinedDocument = new("meeting.not-joined", "Neem eerst deel aan de bespreking waar dit document bij hoort.");
    public static readonly HubError InvalidCursor = new("request.invalid", "Onbekende cursorpositie of geen deelname aan een bespreking.");
    private static readonly HubError Foreign = new("forbidden", "Dit document hoort niet bij jouw bespreking.");

    public void Connected() => metrics.Connected();

    /// <summary>An applied operation goes to the whole room in its next batch, the sender's ack with it (ADR 28).</summary>
    public Task PublishAsync(MeetingSeat seat, OperationBroadcast applied)
    {
        documents.Broadcast(seat.MeetingId, applied);
        return Task.CompletedTask;
    }

    /// <summary>A closed connection's rate limit bucket goes with it.</summary>
    public void Disconnected(string connectionId)
    {
        metrics.Disconnected();
        rateLimiter.Forget(connectionId);
    }

    /// <summary>Applies one operation of the caller (typing: the hottest path of the app, one database round trip).</summary>
    public async Task<Relay<SubmitAck, OperationBroadcast>> SubmitAsync(MeetingSeat seat, string connectionId, SubmitRequest request, CancellationToken cancellationToken)
    {
        if (request is null || request.Operation is null || string.IsNullOrEmpty(request.ClientId) || request.ClientId.Length > 64)
        {
            return Refuse<SubmitAck, OperationBroadcast>(new("request.invalid", "De wijziging is onvolledig."));
        }

        if (!rateLimiter.TryTake(connectionId))
        {
            return Refuse<SubmitAck, OperationBroadcast>(new("rate.limited", "Te veel wijzigingen tegelijk; even wachten en opnieuw versturen."));
        }

        if (DocumentOf(seat, request.DocumentId) is not { } document)
        {
            return Refuse<SubmitAck, OperationBroadcast>(NotJoinedDocument);
        }

        if (request.Operation.Refusal is { } refused)
        {
            return Refuse<SubmitAck, OperationBroadcast>(new(refused.Code, refused.Message));
        }

        var isMinutes = document.Kind == DocumentKind.Minutes;
        Guid? caseId = isMinutes ? null : document.Id;
        // Read once per meeting, not per keystroke, and forgotten on every change of the meeting (ADR 33).
        var meeting = await editStates.GetAsync(seat.MeetingId, token => FactsAsync(seat.MeetingId, token), cancellationToken);
        if (!isMinutes && !meeting.AgendaCases.Contains(document.Id))
        {
            return Refuse<SubmitAck, OperationBroadcast>(Foreign);
        }

        // Case texts are frozen when the meeting closes; from then on only its verslag is edited, until it is final.
        if (!isMinutes && meeting.Status == MeetingStatus.Closed)
        {
            return Refuse<SubmitAck, OperationBroadcast>(new("meeting.closed", "De bespreking is gesloten; de teksten kunnen niet meer worden gewijzigd."));
        }

        if (isMinutes && (!meeting.MinutesExist || meeting.MinutesFinal))
        {
            return Refuse<SubmitAck, OperationBroadcast>(new("minutes.final", "Het verslag is definitief (of nog niet gemaakt) en kan niet worden gewijzigd."));
        }

        var session = await documents.GetAsync(document, () => BaseTextAsync(seat.MeetingId, caseId, cancellationToken), cancellationToken);
        using var trace = LiveMetrics.Tracing.StartActivity("SubmitOperation");
        var started = time.GetTimestamp();
        try
        {
            var result = await documents.SubmitAsync(session, request, seat.UserId, cancellationToken);
            trace?.SetTag("proeftuin.revision", result.Revision);
            var ack = HubResult<SubmitAck>.Success(new SubmitAck(request.DocumentId, result.Revision, request.ClientSeq, result.Duplicate));
            if (result.Duplicate)
            {
                return new(ack, null);
            }

            metrics.Applied(time.GetElapsedTime(started));
            // Both are re-checked and the room sees the findings where they typed: the verslag here, a case text by
            // CaseEditRelay, which sees every edit of it (from a room or the case page) and tells every open room once.
            if (isMinutes)
            {
                findingsMonitor.MinutesChanged(seat.MeetingId, session);
            }
            editAudit.Edited(seat.MeetingId, request.DocumentId, seat.UserId, audit);
            return new(ack, new OperationBroadcast(request.DocumentId, result.Revision, result.Operation, request.ClientId, request.ClientSeq));
        }
        catch (OperationException error)
        {
            return Refuse<SubmitAck, OperationBroadcast>(new(error.Code, error.Message));
        }
        catch (Proeftuin.Data.Collaboration.RevisionConflictException)
        {
            return Refuse<SubmitAck, OperationBroadcast>(new("document.busy", "Het document wordt op dit moment erg druk bewerkt; de wijziging wordt zo opnieuw verstuurd."));
        }
    }

    /// <summary>
    /// The operations after <paramref name="revision"/> that a client missed (a dropped connection, a restart): it
    /// transforms its pending edit over them and resubmits it. Disclosed or refused, the document is audit-logged.
    /// </summary>
    public async Task<HubResult<IReadOnlyList<OperationBroadcast>>> CatchUpAsync(MeetingSeat seat, string documentId, long revision, CancellationToken cancellationToken)
    {
        if (DocumentOf(seat, documentId) is not { } document || revision < 0)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail(NotJoinedDocument);
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == seat.MeetingId, cancellationToken);
        if (!await OnAgendaAsync(seat.MeetingId, document, cancellationToken))
        {
            await audit.RecordAsync(MeetingAudit.CatchUp(meeting, documentId, "denied"), cancellationToken);
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail(Foreign);
        }

        var missed = await documents.OperationsAfterAsync(document, revision, cancellationToken);
        if (missed.Count > MaxCatchUpOperations)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("document.too-far-behind", "Je versie is te oud om bij te werken; laad de bespreking opnieuw.");
        }

        await audit.RecordAsync(MeetingAudit.CatchUp(meeting, documentId, "success"), cancellationToken);
        return HubResult<IReadOnlyList<OperationBroadcast>>.Success(
            [.. missed.Select(a => new OperationBroadcast(document, a.Revision, a.Operation, a.ClientId, a.ClientSeq))]);
    }

    /// <summary>
    /// Relays a cursor in a document the caller may edit, at most once per <see cref="CursorInterval"/> per connection
    /// (a dropped update is no loss: the next one carries the latest position). The document is checked once per
    /// document while the connection stays in the room, before the throttle, so a slow first check costs no update.
    /// </summary>
    public async Task<Relay<bool, CursorBroadcast>> CursorAsync(MeetingSeat seat, string connectionId, CursorPosition position, CancellationToken cancellationToken)
    {
        if (position is null || position.Anchor < 0 || position.Head < 0 || position.Anchor > DocumentLimits.MaxLength
            || position.Head > DocumentLimits.MaxLength || DocumentOf(seat, position.DocumentId) is not { } document)
        {
            return Refuse<bool, CursorBroadcast>(InvalidCursor);
        }

        if (!presence.IsCursorDocument(connectionId, document))
        {
            if (!await OnAgendaAsync(seat.MeetingId, document, cancellationToken))
            {
                return Refuse<bool, CursorBroadcast>(Foreign);
            }

            presence.RememberCursorDocument(connectionId, document);
        }

        if (!presence.TryCursorSlot(connectionId, time.GetUtcNow(), CursorInterval))
        {
            return new(HubResult<bool>.Success(false), null);
        }

        var participant = presence.In(seat.MeetingId).First(p => p.UserId == seat.UserId);
        return new(HubResult<bool>.Success(true), new CursorBroadcast(participant.UserId, participant.Colour, position));
    }

    /// <summary>The document an id names when the id is canonical and the document can belong to the seat's meeting (a case, or its own verslag).</summary>
    private static DocumentId? DocumentOf(MeetingSeat seat, string? documentId) =>
        DocumentId.TryParse(documentId, out var document) && (document.Kind != DocumentKind.Minutes || document.Id == seat.MeetingId) ? document : null;

    /// <summary>True for the meeting's verslag and for a case on its agenda.</summary>
    private async Task<bool> OnAgendaAsync(Guid meetingId, DocumentId document, CancellationToken cancellationToken) =>
        document.Kind == DocumentKind.Minutes
        || await db.AgendaItems.AsNoTracking().AnyAsync(a => a.MeetingId == meetingId && a.CaseFileId == document.Id, cancellationToken);

    private async Task<MeetingEditFacts> FactsAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new
            {
                m.Status,
                Cases = m.Agenda.Select(a => a.CaseFileId).ToList(),
                Minutes = db.MeetingMinutes.Where(x => x.MeetingId == m.Id).Select(x => new { x.FinalisedAtUtc }).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        return new(meeting.Status, meeting.Cases.ToFrozenSet(), meeting.Minutes is not null, meeting.Minutes?.FinalisedAtUtc is not null);
    }

    private async Task<string> BaseTextAsync(Guid meetingId, Guid? caseId, CancellationToken cancellationToken) => caseId is { } id
        ? await db.CaseFiles.AsNoTracking().Where(c => c.Id == id).Select(c => c.Text).FirstAsync(cancellationToken)
        : await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => m.GeneratedText).FirstAsync(cancellationToken);

    private static Relay<T, TMessage> Refuse<T, TMessage>(HubError error)
        where TMessage : class => new(HubResult<T>.Fail(error), null);
}
