using System.Collections.Concurrent;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Logs edits per author per document per sitting: the first applied operation of an author on a document in a
/// meeting writes one "edit" entry, later ones do not. A sitting is the meeting's editing until it has been idle for
/// <see cref="SittingIdle"/>; after that the next edit starts a new sitting (so minutes edited a week later are
/// logged again). The set lives in memory on each node: a restart, or an author whose edits reach two nodes, logs
/// once more — more entries, never fewer. The entry is queued (<see cref="AuditQueue"/>), so typing waits for no
/// extra database round trip.
/// </summary>
public sealed class EditAudit(AuditQueue queue, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Sitting> _sittings = new();

    public static TimeSpan SittingIdle { get; set; } = TimeSpan.FromHours(12);

    public void Edited(Guid meetingId, string documentId, Guid authorId, AuditLog audit)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (!_sittings.TryGetValue(meetingId, out var sitting) || now - Interlocked.Read(ref sitting.LastEditTicks) > SittingIdle.Ticks)
        {
            ForgetIdle(now);
            sitting = _sittings.GetOrAdd(meetingId, _ => new Sitting(now));
        }

        Interlocked.Exchange(ref sitting.LastEditTicks, now);
        if (!sitting.Authors.TryAdd((documentId, authorId), 0))
        {
            return;
        }

        var (type, id) = MeetingAudit.Object(meetingId, documentId);
        queue.Enqueue(audit.Entry(new AuditEvent("edit", "success", type, id, Role: "Member", UserId: authorId)), meetingId);
    }

    private void ForgetIdle(long now)
    {
        foreach (var (meetingId, sitting) in _sittings)
        {
            if (now - Interlocked.Read(ref sitting.LastEditTicks) > SittingIdle.Ticks)
            {
                _sittings.TryRemove(new KeyValuePair<Guid, Sitting>(meetingId, sitting));
            }
        }
    }

    private sealed class Sitting(long startTicks)
    {
        public long LastEditTicks = startTicks;

        public ConcurrentDictionary<(string DocumentId, Guid AuthorId), byte> Authors { get; } = new();
    }
}
