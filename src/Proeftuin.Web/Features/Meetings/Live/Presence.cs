using System.Collections.Concurrent;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>Who is in which room, per connection; never persisted. A dropped connection leaves at once.</summary>
public sealed class Presence
{
    private static readonly string[] Colours = ["#1f5fad", "#b3261e", "#00703c", "#7b2cbf", "#a35200", "#006d77", "#c2185b", "#4a4a4a"];

    private readonly ConcurrentDictionary<string, (Guid MeetingId, Participant Participant)> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastCursor = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _cursorDocument = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, int> _connectionsIn = new();

    /// <summary>True when this connection's cursor was already checked for <paramref name="documentId"/> in its current room.</summary>
    public bool IsCursorDocument(string connectionId, string documentId) =>
        _cursorDocument.TryGetValue(connectionId, out var known) && known == documentId;

    /// <summary>Remembers the document a cursor was checked for, so a cursor moving in it does not ask the database again.</summary>
    public void RememberCursorDocument(string connectionId, string documentId) => _cursorDocument[connectionId] = documentId;

    /// <summary>True when this connection may send a cursor update now (at most one per <paramref name="interval"/>).</summary>
    public bool TryCursorSlot(string connectionId, DateTimeOffset now, TimeSpan interval)
    {
        var allowed = true;
        _lastCursor.AddOrUpdate(connectionId, now, (_, last) =>
        {
            allowed = now - last >= interval;
            return allowed ? now : last;
        });
        return allowed;
    }

    public static string ColourFor(Guid userId) => Colours[(int)((uint)userId.GetHashCode() % Colours.Length)];

    public void Join(string connectionId, Guid meetingId, Participant participant)
    {
        _cursorDocument.TryRemove(connectionId, out _);
        lock (_connectionsIn)
        {
            if (_connections.TryGetValue(connectionId, out var previous))
            {
                Count(previous.MeetingId, -1);
            }

            _connections[connectionId] = (meetingId, participant);
            Count(meetingId, +1);
        }
    }

    public (Guid MeetingId, Participant Participant)? Leave(string connectionId)
    {
        _lastCursor.TryRemove(connectionId, out _);
        _cursorDocument.TryRemove(connectionId, out _);
        lock (_connectionsIn)
        {
            if (!_connections.TryRemove(connectionId, out var entry))
            {
                return null;
            }

            Count(entry.MeetingId, -1);
            return entry;
        }
    }

    /// <summary>How many connections of this node are in the room: read per broadcast batch, so kept as a count.</summary>
    public int ConnectionsIn(Guid meetingId) => _connectionsIn.TryGetValue(meetingId, out var count) ? count : 0;

    public Guid? MeetingOf(string connectionId) => _connections.TryGetValue(connectionId, out var entry) ? entry.MeetingId : null;

    public IReadOnlyList<Participant> In(Guid meetingId) =>
        [.. _connections.Values.Where(c => c.MeetingId == meetingId).Select(c => c.Participant).DistinctBy(p => p.UserId)];

    private void Count(Guid meetingId, int change)
    {
        var count = ConnectionsIn(meetingId) + change;
        if (count > 0)
        {
            _connectionsIn[meetingId] = count;
        }
        else
        {
            _connectionsIn.TryRemove(meetingId, out _);
        }
    }
}
