using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace Proeftuin.Web.Infrastructure.ScaleOut;

/// <summary>
/// Tells the other nodes which revision of a document this node just wrote (over Redis, when configured), so that a
/// node catches up from the op log before it submits instead of after losing the race for the next revision. Only
/// a hint: the unique (document, revision) key in the database remains what keeps the order.
/// </summary>
public sealed class RevisionNotices(IServiceProvider services, ILogger<RevisionNotices> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("proeftuin:revisions");
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, long> _latest = new(StringComparer.Ordinal);
    private ISubscriber? _subscriber;

    /// <summary>The highest revision another node reported for <paramref name="documentId"/> (0 when none).</summary>
    public long LatestElsewhere(string documentId) => _latest.TryGetValue(documentId, out var revision) ? revision : 0;

    public void Written(string documentId, long revision)
    {
        if (_subscriber is { } subscriber)
        {
            _ = subscriber.PublishAsync(Channel, $"{_node}|{documentId}|{revision.ToString(CultureInfo.InvariantCulture)}", CommandFlags.FireAndForget);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<RedisConnection>() is not { } redis)
        {
            return;
        }

        try
        {
            _subscriber = (await redis.GetAsync()).GetSubscriber();
            await _subscriber.SubscribeAsync(Channel, (_, message) => Take(message.ToString()));
        }
        catch (RedisException ex)
        {
            // Without the hints the nodes still agree through the database, only with more retries.
            logger.LogWarning(ex, "Redis unavailable for revision notices");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _subscriber?.UnsubscribeAsync(Channel) ?? Task.CompletedTask;

    private void Take(string message)
    {
        var parts = message.Split('|');
        if (parts.Length == 3 && parts[0] != _node && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var revision))
        {
            _latest.AddOrUpdate(parts[1], revision, (_, known) => Math.Max(known, revision));
        }
    }
}
