using System.Collections.Concurrent;

namespace Proeftuin.Web.Infrastructure.Caching;

/// <summary>
/// Values read from the database per key and trusted for a short while, so the live hot path does not query them on
/// every keystroke. <see cref="Forget"/> (called when this node saves a change) drops a value at once; a change saved
/// on another node is seen after at most <see cref="MaxAge"/>. A value read while a change was being saved is used
/// for that one call only, never kept, so a forgotten value cannot come back stale.
/// </summary>
public abstract class ForgettableCache<TValue>(TimeProvider time)
{
    /// <summary>How long a value is trusted without a change seen on this node (another node's save).</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly Dictionary<Guid, long> _generations = [];
    private readonly Lock _gate = new();
    private long _everything;

    public async ValueTask<TValue> GetAsync(Guid key, Func<CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.LoadedAt) < MaxAge)
        {
            return entry.Value;
        }

        long generation;
        long everything;
        lock (_gate)
        {
            generation = _generations.GetValueOrDefault(key);
            everything = _everything;
        }

        var loadedAt = time.GetTimestamp();
        var value = await load(cancellationToken);
        lock (_gate)
        {
            if (_generations.GetValueOrDefault(key) == generation && _everything == everything)
            {
                _entries[key] = new Entry(value, loadedAt);
            }
        }

        return value;
    }

    /// <summary>What the value was read from changed: the next call reads it again.</summary>
    public void Forget(Guid key)
    {
        lock (_gate)
        {
            _generations[key] = _generations.GetValueOrDefault(key) + 1;
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>A change that may concern any key (e.g. a meeting closed: every case on its agenda): all are read again.</summary>
    public void ForgetAll()
    {
        lock (_gate)
        {
            _everything++;
            _entries.Clear();
        }
    }

    private sealed record Entry(TValue Value, long LoadedAt);
}
