using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Core.Collaboration;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The live meeting room over real SignalR connections, authenticated with real OpenID Connect tokens. The app's clock
/// stands still unless a test moves it, so the throttles and the delayed anonymisation check do not depend on how fast
/// the machine is.
/// </summary>
public sealed class Meeting_hub(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    [Fact]
    public async Task Two_members_co_edit_a_case_and_converge_with_the_server()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
        await LiveDocumentClient.ConvergeAsync([a, b]);
        var rejoined = await JoinAsync(await ConnectAsync("esra.yilmaz@demo.proeftuin.nl"), meetingId, "esra");

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(rejoined.Document.Text, a.Document.Text);
        Assert.Equal(20, a.Document.Text.Count(c => c == 'α'));
        Assert.Equal(20, a.Document.Text.Count(c => c == 'β'));
    }

    [Fact]
    public async Task A_client_that_loses_its_connection_mid_burst_keeps_typing_reconnects_and_nothing_is_lost()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
                await Task.Yield();
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
        await LiveDocumentClient.ConvergeAsync([a, b]);
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
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
        await LiveDocumentClient.ConvergeAsync([a, b]);

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(10, a.Document.Text.Count(c => c == 'µ'));
        Assert.Equal(10, b.Document.Text.Count(c => c == 'ж'));
    }

    [Fact]
    public async Task A_malformed_MessagePack_operation_is_refused_and_the_connection_survives()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
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
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var seen = Received<CursorBroadcast>.On(kevin, nameof(IMeetingClient.CursorMoved));
        var room = await JoinAsync(joost, meetingId, "joost-cursor");
        await JoinAsync(kevin, meetingId, "kevin-cursor");

        // The clock stands still: a second update at the same instant is within the interval, one interval later is not.
        var first = await UpdateCursorAsync(joost, room, 3, 8);
        var tooSoon = await UpdateCursorAsync(joost, room, 4, 4);
        factory.Clock.Advance(LiveEditing.CursorInterval);
        var later = await UpdateCursorAsync(joost, room, 5, 6);
        var cursors = await seen.CountAsync(2);

        Assert.True(first.Value);
        Assert.False(tooSoon.Value);
        Assert.True(later.Value);

        // One connection's messages arrive in order: had the throttled update gone out, it would be second.
        Assert.Equal([(3, 8), (5, 6)], cursors.Select(c => (c.Position.Anchor, c.Position.Head)));
        Assert.All(cursors, c => Assert.StartsWith("#", c.Colour, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flood_of_operations_is_rate_limited_without_dropping_the_connection_and_the_bucket_refills()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        var room = await JoinAsync(joost, meetingId, "joost-flood");
        var sequence = 0L;
        Task<HubResult<SubmitAck>[]> FloodAsync(int count) => Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.InsertAt(room.Document.Text.Length, 1, "x"), "joost-flood", Interlocked.Increment(ref sequence)))));

        // All at once, as a runaway client would: four times the burst at one instant of the (standing) clock.
        var flood = await FloodAsync(ConnectionRateLimiter.Burst * 4);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await FloodAsync(ConnectionRateLimiter.OperationsPerSecond * 2);

        Assert.Equal(ConnectionRateLimiter.Burst, flood.Count(r => r.Error?.Code != "rate.limited"));
        Assert.Equal(ConnectionRateLimiter.OperationsPerSecond, afterASecond.Count(r => r.Error?.Code != "rate.limited"));
        Assert.All(flood.Concat(afterASecond).Where(r => r.Error?.Code != "rate.limited"), r => Assert.True(r.Ok, r.Error?.Message));
        Assert.Equal(HubConnectionState.Connected, joost.State);
    }

    [Fact]
    public async Task Findings_are_broadcast_to_the_room_as_they_appear_and_disappear()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var joost = await ConnectAsync("joost.mulder@demo.proeftuin.nl");
        await using var kevin = await ConnectAsync("kevin.smit@demo.proeftuin.nl");
        var seen = Received<FindingsBroadcast>.On(kevin, nameof(IMeetingClient.FindingsChanged));
        var room = await JoinAsync(joost, meetingId, "joost-findings");
        await JoinAsync(kevin, meetingId, "kevin-findings");
        var length = room.Document.Text.Length;
        const string sentence = "\n\nZus Pien (9) komt mee.";

        // The re-check runs FindingsMonitor.Delay after an edit, off the typing path; the clock is moved past it.
        await room.TypeAsync(length, sentence);
        await room.WaitUntilSynchronizedAsync();
        factory.Clock.Advance(FindingsMonitor.Delay);
        var afterTyping = await seen.FirstAsync(b => b.Findings.Count > 0, "the finding of the typed name");
        var delete = await joost.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(room.DocumentId, room.Document.Revision, TextOperation.DeleteAt(length + sentence.Length, length, sentence.Length), "joost-findings", 99));
        factory.Clock.Advance(FindingsMonitor.Delay);
        var afterDeleting = await seen.UntilAsync(all => all.Count >= 2 && all[^1].Findings.Count == 0, "no findings once the name is gone");

        var finding = Assert.Single(afterTyping.Findings);
        Assert.Equal(("PERSON", "[naam zus]"), (finding.Category, finding.Placeholder));
        Assert.True(delete.Ok, delete.Error?.Message);
        Assert.Empty(afterDeleting[^1].Findings);
    }

    [Fact]
    public async Task Anonymous_connection_is_refused()
    {
        var connection = HubConnections.Build(factory, token: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    private Task<HubConnection> ConnectAsync(string email) => HubConnections.ConnectAsync(factory, email);

    private static Task<HubResult<bool>> UpdateCursorAsync(HubConnection connection, LiveDocumentClient room, int anchor, int head) =>
        connection.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.UpdateCursor), new CursorPosition(room.DocumentId, room.Document.Revision, anchor, head));

    private static async Task<LiveDocumentClient> JoinAsync(HubConnection connection, Guid meetingId, string clientId)
    {
        var room = new LiveDocumentClient(connection, clientId);
        await room.JoinAsync(meetingId);
        return room;
    }
}
