using Microsoft.EntityFrameworkCore;
namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// After a dropped connection or a server restart a client still holds its text at some revision and perhaps an
/// unacknowledged edit. It rejoins, fetches the operations it missed from the durable log, transforms its edit over
/// them and resubmits it with the same sequence number; the server recognises a resubmission it already applied.
/// </summary>
public sealed partial class MeetingHub
{
    public const int MaxCatchUpOperations = 10_000;

    public async Task<HubResult<IReadOnlyList<OperationBroadcast>>> CatchUp(string documentId, long revision)
    {
        access.UseUser(Context.User);
        if (JoinedDocument(documentId) is not (var meetingId, var document) || revision < 0)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking waar dit document bij hoort.");
        }

        // The audit entry names the meeting's wijk, so the meeting is read here (a catch-up is rare, not on the typing path).
        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, Context.ConnectionAborted);
        if (!await MayUseDocumentAsync(meetingId, document))
        {
            await audit.RecordAsync(MeetingAudit.CatchUp(meeting, documentId, "denied"));
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("forbidden", "Dit document hoort niet bij jouw bespreking.");
        }

        var missed = await documents.OperationsAfterAsync(document, revision, Context.ConnectionAborted);
        if (missed.Count > MaxCatchUpOperations)
        {
            return HubResult<IReadOnlyList<OperationBroadcast>>.Fail("document.too-far-behind", "Je versie is te oud om bij te werken; laad de bespreking opnieuw.");
        }

        await audit.RecordAsync(MeetingAudit.CatchUp(meeting, documentId, "success"));
        return HubResult<IReadOnlyList<OperationBroadcast>>.Success(
            [.. missed.Select(a => new OperationBroadcast(document, a.Revision, a.Operation, a.ClientId, a.ClientSeq))]);
    }
}
