using System.Collections.Concurrent;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// A token bucket per connection: typing produces at most a few operations a second, so a connection that sends far
/// more is faulty or hostile and gets a typed "rate.limited" error instead of server time.
/// </summary>
public sealed class ConnectionRateLimiter(TimeProvider time)
{
    public const int OperationsPerSecond = 30;
    public const int Burst = 60;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryTake(string connectionId)
    {
        var bucket = _buckets.GetOrAdd(connectionId, _ => new Bucket(Burst, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + (time.GetElapsedTime(bucket.LastRefill, now).TotalSeconds * OperationsPerSecond));
            bucket.LastRefill = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    public void Forget(string connectionId) => _buckets.TryRemove(connectionId, out _);

    private sealed class Bucket(double tokens, long lastRefill)
    {
        public double Tokens { get; set; } = tokens;

        public long LastRefill { get; set; } = lastRefill;
    }
}
