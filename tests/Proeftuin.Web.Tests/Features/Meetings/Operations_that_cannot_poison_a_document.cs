using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// One member cannot break a document for everyone: operations that wrap, overflow or outgrow the document are refused
/// with typed errors, a log that already holds such an operation still opens, client ids cannot be claimed across
/// members, cursors go only to documents of the sender's meeting, and two closes at once end in one close and one
/// typed refusal. Each test uses its own wijk's planned meeting (the class shares one database).
/// </summary>
public sealed class Operations_that_cannot_poison_a_document(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wrapping_and_oversized_operations_are_refused_and_the_document_still_opens_and_accepts_edits(bool messagePack)
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl", messagePack);
        var room = await JoinAsync(joost, meetingId, $"joost-poison-{messagePack}");
        var length = room.Document.Text.Length;
        var revision = room.Document.Revision;

        var wrapping = await SubmitRawAsync(joost, room, new object[] { int.MaxValue, "x", int.MaxValue, "y", length + 2 }, 1);
        var oversized = await SubmitRawAsync(joost, room, new object[] { length, new string('a', DocumentLimits.MaxLength - length + 1) }, 2);
        var hugeDelete = await SubmitRawAsync(joost, room, new object[] { -int.MaxValue, length }, 3);
        var beyondInt = await SubmitRawAsync(joost, room, new object[] { 4_294_967_296L }, 4);
        var reopened = await JoinAsync(await HubConnections.ConnectAsync(factory, "kevin.smit@demo.proeftuin.nl", messagePack), meetingId, $"kevin-poison-{messagePack}");
        var (reopenedText, reopenedRevision) = (reopened.Document.Text, reopened.Document.Revision);
        await room.TypeAsync(length, "Nog steeds bewerkbaar.");
        await room.WaitUntilSynchronizedAsync();

        Assert.Equal("operation.too-large", wrapping.Error!.Code);
        Assert.Equal("operation.too-large", oversized.Error!.Code);
        Assert.Equal("operation.too-large", hugeDelete.Error!.Code);
        Assert.Equal("operation.malformed", beyondInt.Error!.Code);
        Assert.Equal((room.Document.Text[..length], revision), (reopenedText, reopenedRevision));
        Assert.Empty(room.Refusals);
        Assert.EndsWith("Nog steeds bewerkbaar.", room.Document.Text, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, joost.State);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<QuarantinedOperationRecord>().CountAsync(q => q.DocumentId == room.DocumentId)));
    }

    [Fact]
    public async Task A_non_canonical_document_id_is_refused_for_edits_and_catch_up()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl");
        var room = await JoinAsync(joost, meetingId, "joost-canonical");
        var caseId = DocumentId.Parse(room.DocumentId).Id;

        foreach (var other in new[] { room.DocumentId.ToUpperInvariant(), $"case:{caseId:D}", $"case:{caseId:B}", "case:" + caseId.ToString("N").ToUpperInvariant() })
        {
            var submit = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                new SubmitRequest(other, room.Document.Revision, TextOperation.InsertAt(room.Document.Text.Length, 0, "x"), "joost-canonical", 1));
            var catchUp = await joost.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(MeetingHub.CatchUp), other, 0L);

            Assert.Equal("meeting.not-joined", submit.Error!.Code);
            Assert.Equal("meeting.not-joined", catchUp.Error!.Code);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Set<DocumentOperationRecord>().CountAsync(o => o.DocumentId != o.DocumentId.ToLower())));
    }

    [Fact]
    public async Task A_member_claiming_another_participants_client_id_does_not_suppress_their_edits()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl");
        await using var kevin = await HubConnections.ConnectAsync(factory, "kevin.smit@demo.proeftuin.nl");
        var victim = await JoinAsync(joost, meetingId, "web-victim-id");
        var attacker = await JoinAsync(kevin, meetingId, "kevin-attacker");

        // Kevin sends under Joost's client id with a sequence number far ahead of Joost's.
        var claimed = await kevin.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(attacker.DocumentId, attacker.Document.Revision, TextOperation.InsertAt(attacker.Document.Text.Length, 0, "!"), "web-victim-id", 1_000_000));
        await victim.TypeAsync(0, "Joost typt dit.");
        await victim.WaitUntilSynchronizedAsync();
        var third = await JoinAsync(await HubConnections.ConnectAsync(factory, "esra.yilmaz@demo.proeftuin.nl"), meetingId, "esra-check");

        Assert.True(claimed.Ok, claimed.Error?.Message);
        Assert.Empty(victim.Refusals);
        Assert.Contains("Joost typt dit.", third.Document.Text, StringComparison.Ordinal);
        Assert.Contains("!", third.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_for_a_document_outside_the_meeting_is_refused_and_not_relayed()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        var binnenstadCase = await factory.FirstCaseIdAsync("binnenstad");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl");
        await using var kevin = await HubConnections.ConnectAsync(factory, "kevin.smit@demo.proeftuin.nl");
        var seen = new ConcurrentQueue<CursorBroadcast>();
        kevin.On<CursorBroadcast>(nameof(IMeetingClient.CursorMoved), seen.Enqueue);
        var room = await JoinAsync(joost, meetingId, "joost-foreign-cursor");
        await JoinAsync(kevin, meetingId, "kevin-foreign-cursor");

        var foreignCase = await joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor),
            new CursorPosition(DocumentId.ForCase(binnenstadCase), 0, 1, 1));
        var otherMinutes = await joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor),
            new CursorPosition(DocumentId.ForMinutes(Guid.NewGuid()), 0, 1, 1));
        var upperCase = await joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor),
            new CursorPosition(room.DocumentId.ToUpperInvariant(), 0, 1, 1));
        var own = await joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor), new CursorPosition(room.DocumentId, room.Document.Revision, 2, 2));
        await WaitUntilAsync(() => !seen.IsEmpty);

        Assert.Equal("forbidden", foreignCase.Error!.Code);
        Assert.Equal("request.invalid", otherMinutes.Error!.Code);
        Assert.Equal("request.invalid", upperCase.Error!.Code);
        Assert.True(own.Value);
        Assert.Equal(room.DocumentId, Assert.Single(seen).Position.DocumentId);
    }

    [Fact]
    public async Task A_log_that_already_holds_invalid_operations_opens_and_join_catch_up_history_export_and_close_work()
    {
        var meetingId = await PlannedMeetingAsync("leidsche-rijn");
        var (caseId, text, revision) = await FirstAgendaCaseAsync(meetingId);
        var document = DocumentId.ForCase(caseId);
        var author = await factory.QueryAsync(db => db.Professionals.Where(p => p.Email == "fatima.elamrani@demo.proeftuin.nl").Select(p => p.Id).SingleAsync());

        // As an older version wrote them: the wrapping operation, an operation on the wrong length, then a good edit.
        await factory.QueryAsync(async db =>
        {
            db.Set<DocumentOperationRecord>().AddRange(
                Record(document, revision + 1, $"[2147483647,\"x\",2147483647,\"y\",{text.Length + 2}]", author),
                Record(document, revision + 2, $"[{text.Length + 7},\"z\"]", author),
                Record(document, revision + 3, $"[{text.Length},\" Aanvulling.\"]", author));
            return await db.SaveChangesAsync();
        });

        await using var ruud = await HubConnections.ConnectAsync(factory, "ruud.jansen@demo.proeftuin.nl");
        var snapshot = await ruud.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var joined = snapshot.Value!.Documents.Single(d => d.DocumentId == document.ToString());
        var catchUp = await ruud.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(MeetingHub.CatchUp), document.ToString(), revision);
        var edit = await ruud.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document, joined.Revision, TextOperation.InsertAt(joined.Text.Length, joined.Text.Length, " Verder."), "ruud-after-poison", 1));
        var client = await factory.SignedInAsync("ruud.jansen@demo.proeftuin.nl");
        using var history = await client.GetAsync(new Uri($"/api/cases/{caseId}/history", UriKind.Relative));
        using var atPoison = await client.GetAsync(new Uri($"/api/cases/{caseId}/history/{revision + 2}", UriKind.Relative));
        using var export = await client.GetAsync(new Uri($"/api/cases/{caseId}/export.md", UriKind.Relative));
        var started = await ruud.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var closed = await ruud.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));

        Assert.True(snapshot.Ok, snapshot.Error?.Message);
        Assert.Equal((text + " Aanvulling.", revision + 3), (joined.Text, joined.Revision));
        Assert.Equal([$"[{text.Length}]", $"[{text.Length}]", $"[{text.Length},\" Aanvulling.\"]"], catchUp.Value!.Select(o => o.Operation.ToJson()));
        Assert.True(edit.Ok, edit.Error?.Message);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atPoison.StatusCode);
        Assert.True(export.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"export answered {(int)export.StatusCode}");
        Assert.True(started.Ok, started.Error?.Message);
        Assert.True(closed.Ok, closed.Error?.Message);
        var stored = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Text).SingleAsync());
        Assert.Equal(text + " Aanvulling. Verder.", stored);
        var quarantined = await factory.QueryAsync(db => db.Set<QuarantinedOperationRecord>().Where(q => q.DocumentId == document.ToString()).OrderBy(q => q.Revision).ToListAsync());
        Assert.Equal([("operation.too-large", revision + 1), ("operation.length", revision + 2)], quarantined.Select(q => (q.Reason, q.Revision)));
    }

    [Fact]
    public async Task Two_connections_closing_the_meeting_at_once_get_one_close_and_one_typed_refusal()
    {
        var meetingId = await PlannedMeetingAsync("binnenstad");
        await using var first = await HubConnections.ConnectAsync(factory, "ingrid.meijer@demo.proeftuin.nl");
        await using var second = await HubConnections.ConnectAsync(factory, "ingrid.meijer@demo.proeftuin.nl");
        await first.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await second.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var started = await first.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));

        var closes = await Task.WhenAll(
            first.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting)),
            second.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting)));

        Assert.True(started.Ok, started.Error?.Message);
        Assert.Single(closes, c => c.Ok);
        Assert.Contains(Assert.Single(closes, c => !c.Ok).Error!.Code, new[] { "meeting.closed", "meeting.conflict" });
        Assert.Equal(MeetingStatus.Closed, await factory.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.MeetingMinutes.CountAsync(m => m.MeetingId == meetingId)));
        Assert.Equal(HubConnectionState.Connected, first.State);
        Assert.Equal(HubConnectionState.Connected, second.State);
    }

    private static Task<HubResult<SubmitAck>> SubmitRawAsync(HubConnection connection, LiveDocumentClient room, object[] operation, long clientSeq) =>
        connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new { DocumentId = room.DocumentId, BaseRevision = room.Document.Revision, Operation = operation, ClientId = "raw-sender", ClientSeq = clientSeq });

    private static DocumentOperationRecord Record(DocumentId document, long revision, string operation, Guid author) => new()
    {
        DocumentId = document.ToString(),
        Revision = revision,
        Operation = operation,
        ClientId = "older-version",
        ClientSeq = revision,
        AuthorId = author,
        AppliedAtUtc = DateTime.UtcNow,
    };

    private async Task<(Guid CaseId, string Text, long Revision)> FirstAgendaCaseAsync(Guid meetingId)
    {
        var caseId = await factory.QueryAsync(db => db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Position).Select(a => a.CaseFileId).FirstAsync());
        var stored = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Text).SingleAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var (text, revision) = await scope.ServiceProvider.GetRequiredService<DocumentStore>().TextAtAsync(DocumentId.ForCase(caseId), stored, long.MaxValue, CancellationToken.None);
        return (caseId, text, revision);
    }

    private static async Task<LiveDocumentClient> JoinAsync(HubConnection connection, Guid meetingId, string clientId)
    {
        var room = new LiveDocumentClient(connection, clientId);
        await room.JoinAsync(meetingId);
        return room;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.UntilAsync(condition, "a broadcast to the other member");

    private Task<Guid> PlannedMeetingAsync(string neighbourhood) =>
        factory.QueryAsync(async db =>
        {
            var id = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
            return await db.Meetings.Where(m => m.NeighbourhoodId == id && m.Status == MeetingStatus.Planned).Select(m => m.Id).SingleAsync();
        });
}
