using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proeftuin.Data;
using StackExchange.Redis;

namespace Proeftuin.Web.Infrastructure.ScaleOut;

/// <summary>
/// What lets several nodes serve one meeting: data-protection keys in the shared database (a cookie issued by one
/// node is valid on the other) and, when <c>Redis:Configuration</c> is set, the SignalR Redis backplane (a broadcast
/// on one node reaches the room's connections on every node) plus a readiness check on Redis. One node needs neither
/// Redis nor anything else: without the setting the hub works in process.
/// </summary>
public static class ScaleOutSetup
{
    public const string RedisKey = "Redis:Configuration";

    public static IServiceCollection AddProeftuinDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Proeftuin").PersistKeysToDbContext<ProeftuinDbContext>();
        return services;
    }

    public static ISignalRServerBuilder AddProeftuinBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var redis = configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            return signalR;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ChannelPrefix = RedisChannel.Literal("proeftuin");
        // One multiplexer for the backplane and the readiness check.
        var connection = new RedisConnection(options);
        signalR.Services.AddSingleton(connection);
        signalR.AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration = options;
            backplane.ConnectionFactory = async _ => await connection.GetAsync();
        });
        signalR.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, ["ready"]);
        return signalR;
    }
}
