using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Proeftuin.Web.Infrastructure.ScaleOut;

/// <summary>Ready only when Redis answers a PING: without it this node's broadcasts would not reach the other nodes.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.GetAsync();
            var latency = await connection.GetDatabase().PingAsync();
            return connection.IsConnected
                ? HealthCheckResult.Healthy($"Redis antwoordt in {latency.TotalMilliseconds:F1} ms.")
                : HealthCheckResult.Unhealthy("Geen verbinding met Redis.");
        }
        catch (StackExchange.Redis.RedisException ex)
        {
            return HealthCheckResult.Unhealthy("Redis antwoordt niet.", ex);
        }
    }
}
