using System.Collections.Concurrent;
using System.Collections.Frozen;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>What a submitted operation is checked against: the meeting's state, its agenda and its verslag.</summary>
public sealed record MeetingEditFacts(MeetingStatus Status, FrozenSet<Guid> AgendaCases, bool MinutesExist, bool MinutesFinal);

/// <summary>
/// The <see cref="MeetingEditFacts"/> per meeting, so typing does not query the database for them on every keystroke
/// (ADR 33). A change on this node forgets them at once (<see cref="LiveCacheInvalidator"/> sees every save of a
/// meeting, agenda item or verslag); a change on another node is seen after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class MeetingEditStates(TimeProvider time)
{
    /// <summary>How long facts are trusted without a change seen on this node: the window in which another node's close is not yet seen.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly Dictionary<Guid, long> _generations = [];
    private readonly Lock _gate = new();

    public async ValueTask<MeetingEditFacts> GetAsync(Guid meetingId, Func<CancellationToken, Task<MeetingEditFacts>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(meetingId, out var entry) && time.GetElapsedTime(entry.LoadedAt) < MaxAge)
        {
            return entry.Facts;
        }

        long generation;
        lock (_gate)
        {
            generation = _generations.GetValueOrDefault(meetingId);
        }

        var loadedAt = time.GetTimestamp();
        var facts = await load(cancellationToken);
        lock (_gate)
        {
            // A change saved while these facts were read may not be in them: keep them for this operation only.
            if (_generations.GetValueOrDefault(meetingId) == generation)
            {
                _entries[meetingId] = new Entry(facts, loadedAt);
            }
        }

        return facts;
    }

    /// <summary>The meeting, its agenda or its verslag changed: the next operation reads the facts again.</summary>
    public void Forget(Guid meetingId)
    {
        lock (_gate)
        {
            _generations[meetingId] = _generations.GetValueOrDefault(meetingId) + 1;
            _entries.TryRemove(meetingId, out _);
        }
    }

    private sealed record Entry(MeetingEditFacts Facts, long LoadedAt);
}
