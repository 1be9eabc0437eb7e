using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Core.Collaboration;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// What a room applies goes out in batches (ADR 0028): one message per receiver per tick, in revision order per
/// document, to the whole room, so that the sender's own operation in a batch is its ack.
/// </summary>
public sealed class Room_broadcast_batches(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private static readonly string[] Members = ["joost.mulder@demo.proeftuin.nl", "kevin.smit@demo.proeftuin.nl", "esra.yilmaz@demo.proeftuin.nl"];

    [Fact]
    public async Task A_burst_of_three_members_reaches_everyone_in_fewer_batches_than_operations_in_revision_order_with_each_senders_own_operations()
    {
        const int perMember = 5;
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        var connections = new List<HubConnection>();
        var batches = new List<ConcurrentQueue<OperationBatch>>();
        MeetingSnapshot? room = null;
        foreach (var email in Members)
        {
            var connection = await HubConnections.ConnectAsync(factory, email);
            var received = new ConcurrentQueue<OperationBatch>();
            connection.On<OperationBatch>(nameof(IMeetingClient.OperationsApplied), received.Enqueue);
            room = (await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
            connections.Add(connection);
            batches.Add(received);
        }

        var document = room!.Documents[0];
        try
        {
            // Every member fires its submissions at once, all based on the revision it joined at: the server transforms them.
            var submits = connections.SelectMany((connection, member) => Enumerable.Range(1, perMember).Select(seq =>
                connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                    new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, 0, $"{member}"), $"member{member}", seq)))).ToList();
            var acks = await Task.WhenAll(submits);
            Assert.All(acks, ack => Assert.True(ack.Ok, ack.Error?.Message));
            var total = Members.Length * perMember;
            var expected = Enumerable.Range(1, total).Select(i => document.Revision + i).ToList();

            foreach (var received in batches)
            {
                await Eventually.UntilAsync(() => received.Sum(b => b.Operations.Count) >= total, "every operation reached every member");
                var operations = received.SelectMany(b => b.Operations).ToList();

                // Everything once and in order, the sender's own operations included (they are its acks) ...
                Assert.Equal(expected, operations.Select(o => o.Revision).Order());
                Assert.All(received, batch => Assert.Equal(batch.Operations.Select(o => o.Revision).Order(), batch.Operations.Select(o => o.Revision)));
                for (var member = 0; member < Members.Length; member++)
                {
                    Assert.Equal(Enumerable.Range(1, perMember).Select(i => (long)i), operations.Where(o => o.ClientId == $"member{member}").Select(o => o.ClientSeq));
                }

                // ... and the ack answered to the sender names the same revision as its operation in the batch.
                Assert.All(acks.Select(a => a.Value!), ack => Assert.Contains(operations, o => o.Revision == ack.Revision && o.ClientSeq == ack.ClientSeq));

                // Submissions that land within one tick travel together.
                Assert.True(received.Count < total, $"{received.Count} batches for {total} operations");
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_batch_whose_submissions_finished_out_of_order_is_sent_in_revision_order_per_document()
    {
        var insert = TextOperation.InsertAt(0, 0, "x");
        var batch = new List<OperationBroadcast>
        {
            new("case:b", 7, insert, "c1", 1),
            new("case:a", 3, insert, "c2", 1),
            new("case:b", 6, insert, "c3", 1),
            new("case:a", 2, insert, "c1", 2),
        };

        var ordered = RoomBroadcasts.InOrder(batch);

        Assert.Equal(["case:a 2", "case:a 3", "case:b 6", "case:b 7"], ordered.Select(o => $"{o.DocumentId} {o.Revision}"));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(20, 2)]
    [InlineData(50, 5)]
    [InlineData(200, 20)]
    [InlineData(5000, 20)]
    public void A_batch_waits_a_tenth_of_a_millisecond_per_receiver_between_2_and_20_ms(int receivers, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RoomBroadcasts.TickFor(receivers));

    [Fact]
    public void Presence_counts_the_connections_of_a_room_through_joins_moves_and_leaves()
    {
        var presence = new Presence();
        Guid room = Guid.NewGuid(), other = Guid.NewGuid();
        var participant = new Participant(Guid.NewGuid(), "Joost", "huisarts", "#1f5fad");

        presence.Join("c1", room, participant);
        presence.Join("c2", room, participant);
        presence.Join("c3", other, participant);
        presence.Join("c3", room, participant);
        Assert.Equal(3, presence.ConnectionsIn(room));
        Assert.Equal(0, presence.ConnectionsIn(other));

        presence.Leave("c1");
        presence.Leave("c1");
        Assert.Equal(2, presence.ConnectionsIn(room));
        presence.Leave("c2");
        presence.Leave("c3");
        Assert.Equal(0, presence.ConnectionsIn(room));
    }

    [Fact]
    public async Task Two_clients_that_type_at_once_converge_when_acks_come_in_batches()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, Members[0], messagePack: true);
        await using var kevin = await HubConnections.ConnectAsync(factory, Members[1]);
        var a = new Proeftuin.Testing.Live.LiveDocumentClient(joost, "joost-batched");
        var b = new Proeftuin.Testing.Live.LiveDocumentClient(kevin, "kevin-batched");
        await a.JoinAsync(meetingId);
        await b.JoinAsync(meetingId);
        var before = a.Document.Text;

        var typing = new List<Task>();
        for (var i = 0; i < 30; i++)
        {
            typing.Add(a.TypeAsync(i, "a"));
            typing.Add(b.TypeAsync(0, "b"));
        }

        await Task.WhenAll(typing);
        await Proeftuin.Testing.Live.LiveDocumentClient.ConvergeAsync([a, b]);

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(before.Count(c => c == 'a') + 30, a.Document.Text.Count(c => c == 'a'));
        Assert.Equal(before.Count(c => c == 'b') + 30, a.Document.Text.Count(c => c == 'b'));
        Assert.Equal(0, a.GapsRepaired + b.GapsRepaired);
    }
}
