using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The applied operations of a room go out in batches: what the room's submissions applied within one short tick (and,
/// under load, during the previous send) is sent as one <see cref="OperationBatch"/> per receiver, instead of one
/// message per operation per receiver. The whole room gets the batch, the sender included, so the sender's own operation
/// in it is its ack in the same frame as the operations before it (ADR 0028). A room has at most one send in flight:
/// that keeps the batches of a room in order and lets them grow when the sockets are the bottleneck. Within a batch the
/// operations of each document are in revision order; across batches the clients' revision inbox puts them in order.
/// A batch costs one send per receiver, so a large room waits longer between batches (<see cref="TickFor"/>, ADR 0043).
/// </summary>
public sealed class RoomBroadcasts(IHubContext<MeetingHub, IMeetingClient> hub, Presence presence, ILogger<RoomBroadcasts> logger)
{
    /// <summary>
    /// How long a batch of a small room waits for others to join it. Real time on purpose (not the app's
    /// <see cref="TimeProvider"/>): it is transport plumbing, and a test on a frozen clock must still see broadcasts.
    /// </summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest wait of a batch, however large the room: well within what a typist notices.</summary>
    public static TimeSpan MaxTick { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The wait of a batch in a room with <paramref name="receivers"/> connections on this node: a tenth of a millisecond
    /// per receiver, between <see cref="Tick"/> and <see cref="MaxTick"/>. In a room of 200 typing at 1 operation a
    /// second each, a batch then holds about four operations instead of one, so each receiver gets a quarter of the frames.
    /// </summary>
    public static TimeSpan TickFor(int receivers) =>
        TimeSpan.FromTicks(Math.Clamp(receivers * (TimeSpan.TicksPerMillisecond / 10), Tick.Ticks, MaxTick.Ticks));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Room> _rooms = new();

    /// <summary>Queues <paramref name="operation"/> for the room's next batch; returns at once.</summary>
    public void Publish(Guid meetingId, OperationBroadcast operation)
    {
        var room = _rooms.GetOrAdd(meetingId, id => new Room(id));
        lock (room)
        {
            room.Queued.Add(operation);
            if (room.Sending)
            {
                return;
            }

            room.Sending = true;
        }

        _ = SendLoopAsync(room);
    }

    private async Task SendLoopAsync(Room room)
    {
        var sent = TimeSpan.Zero;
        while (true)
        {
            // The previous send's own time counts towards the wait: under load a batch goes as soon as the last is out.
            var wait = TickFor(presence.ConnectionsIn(room.MeetingId)) - sent;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            List<OperationBroadcast> batch;
            lock (room)
            {
                if (room.Queued.Count == 0)
                {
                    room.Sending = false;
                    return;
                }

                batch = room.Queued;
                room.Queued = new List<OperationBroadcast>(batch.Count);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await hub.Clients.Group(MeetingHub.Group(room.MeetingId)).OperationsApplied(new OperationBatch(InOrder(batch)));
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or TimeoutException)
            {
                // A receiver that misses a batch (a backplane hiccup) sees a revision gap and catches up from the op log.
                logger.LogWarning(ex, "Broadcast of {Count} operations to meeting {MeetingId} failed", batch.Count, room.MeetingId);
            }

            sent = Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>
    /// Submissions to one document finish in revision order, but their continuations may queue in another order: sort
    /// by document and revision (stable, and nearly always already sorted, so this costs one pass).
    /// </summary>
    internal static List<OperationBroadcast> InOrder(List<OperationBroadcast> batch)
    {
        for (var i = 1; i < batch.Count; i++)
        {
            if (Compare(batch[i - 1], batch[i]) > 0)
            {
                batch.Sort(Compare);
                break;
            }
        }

        return batch;
    }

    private static int Compare(OperationBroadcast a, OperationBroadcast b)
    {
        var byDocument = string.CompareOrdinal(a.DocumentId, b.DocumentId);
        return byDocument != 0 ? byDocument : a.Revision.CompareTo(b.Revision);
    }

    private sealed class Room(Guid meetingId)
    {
        public Guid MeetingId { get; } = meetingId;

        public List<OperationBroadcast> Queued { get; set; } = [];

        public bool Sending { get; set; }
    }
}
