using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>The live meeting room over real SignalR connections, authenticated with real OpenID Connect tokens.</summary>
public sealed class Meeting_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Two_members_co_edit_a_case_and_converge_with_the_server()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var a = await JoinAsync(joost, meetingId, "joost");
        var b = await JoinAsync(kevin, meetingId, "kevin");

        // Both type at once at the same place; each keeps typing before its first op is acked.
        var typing = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            typing.Add(a.TypeAsync(0, "α"));
            typing.Add(b.TypeAsync(0, "β"));
        }

        await Task.WhenAll(typing);
        await a.SettleAsync(TimeSpan.FromMilliseconds(300));
        await b.SettleAsync(TimeSpan.FromMilliseconds(300));
        var rejoined = await JoinAsync(await ConnectAsync("esra.yilmaz@demo.proeftuin.nl"), meetingId, "esra");

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(rejoined.Document.Text, a.Document.Text);
        Assert.Equal(20, a.Document.Text.Count(c => c == 'α'));
        Assert.Equal(20, a.Document.Text.Count(c => c == 'β'));
    }

    [Fact]
    public async Task A_client_that_loses_its_connection_mid_burst_keeps_typing_reconnects_and_nothing_is_lost()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var a = await JoinAsync(joost, meetingId, "joost-reconnect");
        var b = await JoinAsync(kevin, meetingId, "kevin-reconnect");
        var before = a.Document.Text;
        var kevinTyping = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await b.TypeAsync(i % 7, "k");
                await Task.Delay(10);
            }
        });

        for (var i = 0; i < 15; i++)
        {
            await a.TypeAsync(i % 5, "j");
        }

        // The connection drops with a submission possibly in flight; typing goes on offline.
        var stopping = joost.StopAsync();
        for (var i = 0; i < 10; i++)
        {
            await a.TypeAsync(2, "o");
        }

        await stopping;
        await joost.StartAsync();
        await a.ResyncAsync();
        for (var i = 0; i < 5; i++)
        {
            await a.TypeAsync(0, "j");
        }

        await kevinTyping;
        await a.SettleAsync(TimeSpan.FromMilliseconds(300));
        await b.SettleAsync(TimeSpan.FromMilliseconds(300));
        var check = await JoinAsync(await ConnectAsync("esra.yilmaz@demo.proeftuin.nl"), meetingId, "esra-check");

        Assert.Empty(a.Refusals);
        Assert.Equal(check.Document.Text, a.Document.Text);
        Assert.Equal(check.Document.Text, b.Document.Text);
        Assert.Equal(before.Length + 20 + 10 + 40, check.Document.Text.Length);
        Assert.Equal(20, check.Document.Text.Count(c => c == 'j') - before.Count(c => c == 'j'));
        Assert.Equal(10, check.Document.Text.Count(c => c == 'o') - before.Count(c => c == 'o'));
    }

    [Fact]
    public async Task A_MessagePack_client_and_a_JSON_client_co_edit_and_converge()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl", messagePack: true);
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var a = await JoinAsync(joost, meetingId, "joost-msgpack");
        var b = await JoinAsync(kevin, meetingId, "kevin-json");

        var typing = new List<Task>();
        for (var i = 0; i < 10; i++)
        {
            typing.Add(a.TypeAsync(3, "µ"));
            typing.Add(b.TypeAsync(3, "ж"));
        }

        await Task.WhenAll(typing);
        await a.SettleAsync(TimeSpan.FromMilliseconds(300));
        await b.SettleAsync(TimeSpan.FromMilliseconds(300));

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(10, a.Document.Text.Count(c => c == 'µ'));
        Assert.Equal(10, b.Document.Text.Count(c => c == 'ж'));
    }

    [Fact]
    public async Task A_malformed_MessagePack_operation_is_refused_and_the_connection_survives()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl", messagePack: true);
        var room = await JoinAsync(joost, meetingId, "joost-bad-msgpack");
        var before = room.Document.Text;

        // A zero is no valid component: the formatter reads it as a refusal and the hub answers with its code.
        var malformed = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new { DocumentId = room.DocumentId, BaseRevision = room.Document.Revision, Operation = new object[] { 0, "x" }, ClientId = "joost-bad-msgpack", ClientSeq = 1L });
        var valid = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.InsertAt(before.Length, before.Length, "!"), "joost-bad-msgpack", 2));

        Assert.Equal("operation.malformed", malformed.Error!.Code);
        Assert.True(valid.Ok, valid.Error?.Message);
        Assert.Equal(room.Document.Revision + 1, valid.Value!.Revision);
        Assert.Equal(HubConnectionState.Connected, joost.State);
    }

    [Fact]
    public async Task Member_of_Binnenstad_cannot_join_an_Ondiep_meeting()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var ingrid = await ConnectAsync("ingrid.meijer@demo.proeftuin.nl");

        var result = await ingrid.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var submit = await ingrid.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest("case:" + Guid.NewGuid().ToString("N"), 0, TextOperation.InsertAt(0, 0, "x"), "ingrid", 1));

        Assert.False(result.Ok);
        Assert.Equal("forbidden", result.Error!.Code);
        Assert.Equal("meeting.not-joined", submit.Error!.Code);
        Assert.Equal(HubConnectionState.Connected, ingrid.State);
    }

    [Fact]
    public async Task Malformed_operation_gets_a_typed_error_changes_nothing_and_keeps_the_connection()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        var room = await JoinAsync(joost, meetingId, "joost-bad");
        var before = room.Document.Text;

        var wrongLength = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.InsertAt(before.Length + 5, 0, "x"), "joost-bad", 1));
        var futureRevision = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(room.DocumentId, room.Document.Revision + 100, TextOperation.InsertAt(before.Length, 0, "x"), "joost-bad", 2));
        var again = await JoinAsync(await ConnectAsync("kevin.smit@demo.proeftuin.nl"), meetingId, "kevin-check");

        Assert.Equal("operation.length", wrongLength.Error!.Code);
        Assert.Equal("operation.revision", futureRevision.Error!.Code);
        Assert.Equal(before, again.Document.Text);
        Assert.Equal(HubConnectionState.Connected, joost.State);
    }

    [Fact]
    public async Task Cursors_reach_the_others_in_colour_and_are_throttled()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var seen = new List<CursorBroadcast>();
        kevin.On<CursorBroadcast>(nameof(IMeetingClient.CursorMoved), seen.Add);
        var room = await JoinAsync(joost, meetingId, "joost-cursor");
        await JoinAsync(kevin, meetingId, "kevin-cursor");

        // Sent back to back: the server handles one connection's calls in order, so the second follows the first at once
        // rather than after a client round trip (which a loaded machine can stretch beyond the interval).
        var firstCall = joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor), new CursorPosition(room.DocumentId, room.Document.Revision, 3, 8));
        var tooSoonCall = joost.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor), new CursorPosition(room.DocumentId, room.Document.Revision, 4, 4));
        var first = await firstCall;
        var tooSoon = await tooSoonCall;
        for (var i = 0; i < 40 && seen.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(first.Value);
        Assert.False(tooSoon.Value);
        var cursor = Assert.Single(seen);
        Assert.Equal((3, 8), (cursor.Position.Anchor, cursor.Position.Head));
        Assert.StartsWith("#", cursor.Colour, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_operations_is_rate_limited_without_dropping_the_connection()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        var room = await JoinAsync(joost, meetingId, "joost-flood");

        // All at once, as a runaway client would: far more than the burst within a fraction of a second.
        var results = await Task.WhenAll(Enumerable.Range(0, ConnectionRateLimiter.Burst * 4).Select(i =>
            joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.InsertAt(1, 0, "x"), "joost-flood", i + 1))));

        Assert.Contains(results, r => r.Error?.Code == "rate.limited");
        Assert.Equal(HubConnectionState.Connected, joost.State);
    }

    [Fact]
    public async Task Findings_are_broadcast_to_the_room_as_they_appear_and_disappear()
    {
        var meetingId = await PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var seen = new List<FindingsBroadcast>();
        kevin.On<FindingsBroadcast>(nameof(IMeetingClient.FindingsChanged), seen.Add);
        var room = await JoinAsync(joost, meetingId, "joost-findings");
        await JoinAsync(kevin, meetingId, "kevin-findings");
        var length = room.Document.Text.Length;
        const string sentence = "\n\nZus Pien (9) komt mee.";

        await room.TypeAsync(length, sentence);
        await room.SettleAsync(TimeSpan.Zero);

        // The re-check runs FindingsMonitor.Delay (400 ms) after the edit, off the hot path: wait for its broadcast
        // rather than a fixed time shorter than that delay.
        for (var i = 0; i < 60 && seen.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        var afterTyping = seen.LastOrDefault();
        var delete = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.DeleteAt(length + sentence.Length, length, sentence.Length), "joost-findings", 99));
        for (var i = 0; i < 60 && (seen.Count < 2 || seen[^1].Findings.Count > 0); i++)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(afterTyping);
        var finding = Assert.Single(afterTyping.Findings);
        Assert.Equal(("PERSON", "[naam zus]"), (finding.Category, finding.Placeholder));
        Assert.True(delete.Ok, delete.Error?.Message);
        Assert.Empty(seen[^1].Findings);
    }

    [Fact]
    public async Task Anonymous_connection_is_refused()
    {
        var connection = HubConnections.Build(factory, token: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    private Task<HubConnection> ConnectAsync(string email) => HubConnections.ConnectAsync(factory, email);

    private static async Task<LiveDocumentClient> JoinAsync(HubConnection connection, Guid meetingId, string clientId)
    {
        var room = new LiveDocumentClient(connection, clientId);
        await room.JoinAsync(meetingId);
        return room;
    }

    private async Task<Guid> PlannedMeetingAsync(string wijk)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Neighbourhoods.Where(n => n.Slug == wijk).Select(n => n.Id).SingleAsync();
        return await db.Meetings.Where(m => m.NeighbourhoodId == id && m.Status == MeetingStatus.Planned).Select(m => m.Id).SingleAsync();
    }
}
