using System.Collections.Concurrent;
using System.Diagnostics;

namespace Proeftuin.LoadTest;

/// <summary>
/// For every operation (room, client, sequence number) the time it was first submitted, and for every receiver the
/// time it arrived there; only operations submitted inside the measuring window count towards the latency figures.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<(int Room, string Client, long Seq), long> _sent = new();
    private readonly ConcurrentDictionary<(int Room, string Client, long Seq, string Receiver), double> _arrivals = new();
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public void OpenWindow() => Interlocked.Exchange(ref _windowStart, Stopwatch.GetTimestamp());

    public void CloseWindow() => Interlocked.Exchange(ref _windowEnd, Stopwatch.GetTimestamp());

    public void Sent(int room, string client, long seq, long timestamp) => _sent.TryAdd((room, client, seq), timestamp);

    public void Received(int room, string client, long seq, string receiver)
    {
        var now = Stopwatch.GetTimestamp();
        if (_sent.TryGetValue((room, client, seq), out var sent))
        {
            _arrivals.TryAdd((room, client, seq, receiver), Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        }
    }

    /// <summary>Operations first submitted inside the window.</summary>
    public int OperationsInWindow => _sent.Values.Count(InWindow);

    public IReadOnlyList<double> LatenciesInWindow() =>
        [.. _arrivals.Where(a => InWindow(_sent[(a.Key.Room, a.Key.Client, a.Key.Seq)])).Select(a => a.Value).Order()];

    /// <summary>(operation, receiver) pairs that never arrived: every operation must reach every other client of its room.</summary>
    public long MissingArrivals(IReadOnlyDictionary<int, IReadOnlyList<string>> clientsPerRoom)
    {
        long missing = 0;
        foreach (var ((room, client, seq), _) in _sent)
        {
            foreach (var receiver in clientsPerRoom[room])
            {
                if (receiver != client && !_arrivals.ContainsKey((room, client, seq, receiver)))
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
}
