using StackExchange.Redis;

namespace Proeftuin.Web.Infrastructure.ScaleOut;

/// <summary>The node's one connection to Redis, opened on first use and reconnecting by itself afterwards.</summary>
public sealed class RedisConnection(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));

    public async Task<IConnectionMultiplexer> GetAsync() => await _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
