using System.Collections.Concurrent;
using System.Diagnostics;

namespace Proeftuin.LoadTest;

/// <summary>
/// For every operation (room, client, sequence number) the time it was first submitted, and for every receiver the
/// time it arrived there; only operations submitted inside the measuring window count towards the latency figures.
/// Arrivals are kept per receiver as an operation number and a latency: a room of 200 produces over a million of them
/// in a run, and one dictionary keyed by (operation, receiver) stalled the tool for hundreds of milliseconds each time
/// it grew, which showed up as the server's latency.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<(int Room, string Client, long Seq), Operation> _sent = new();
    private readonly ConcurrentDictionary<string, Arrivals> _arrivals = new(StringComparer.Ordinal);
    private int _operations;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public void OpenWindow() => Interlocked.Exchange(ref _windowStart, Stopwatch.GetTimestamp());

    public void CloseWindow() => Interlocked.Exchange(ref _windowEnd, Stopwatch.GetTimestamp());

    /// <summary>The first submission counts; a resubmission after a reconnect keeps the first time.</summary>
    public void Sent(int room, string client, long seq, long timestamp)
    {
        if (!_sent.ContainsKey((room, client, seq)))
        {
            _sent.TryAdd((room, client, seq), new Operation(Interlocked.Increment(ref _operations), timestamp));
        }
    }

    public void Received(int room, string client, long seq, string receiver)
    {
        var now = Stopwatch.GetTimestamp();
        if (_sent.TryGetValue((room, client, seq), out var operation))
        {
            var arrivals = _arrivals.GetOrAdd(receiver, _ => new Arrivals());
            lock (arrivals)
            {
                if (arrivals.Seen.Add(operation.Number))
                {
                    arrivals.Latencies.Add((operation.SentAt, Stopwatch.GetElapsedTime(operation.SentAt, now).TotalMilliseconds));
                }
            }
        }
    }

    /// <summary>Operations first submitted inside the window.</summary>
    public int OperationsInWindow => _sent.Values.Count(o => InWindow(o.SentAt));

    public IReadOnlyList<double> LatenciesInWindow() =>
        [.. _arrivals.Values.SelectMany(a => a.Latencies).Where(l => InWindow(l.SentAt)).Select(l => l.Milliseconds).Order()];

    /// <summary>(operation, receiver) pairs that never arrived: every operation must reach every other client of its room.</summary>
    public long MissingArrivals(IReadOnlyDictionary<int, IReadOnlyList<string>> clientsPerRoom)
    {
        long missing = 0;
        foreach (var ((room, client, _), operation) in _sent)
        {
            foreach (var receiver in clientsPerRoom[room])
            {
                if (receiver != client && !(_arrivals.TryGetValue(receiver, out var arrivals) && arrivals.Seen.Contains(operation.Number)))
                {
                    missing++;
                }
            }
        }

        return missing;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private bool InWindow(long timestamp) => timestamp >= Interlocked.Read(ref _windowStart) && timestamp <= Interlocked.Read(ref _windowEnd);

    private readonly record struct Operation(int Number, long SentAt);

    /// <summary>One receiver's arrivals; its client delivers them one at a time, the lock is for the final read.</summary>
    private sealed class Arrivals
    {
        public HashSet<int> Seen { get; } = [];

        public List<(long SentAt, double Milliseconds)> Latencies { get; } = [];
    }
}
