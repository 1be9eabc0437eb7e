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

    public const string KeyCertificateSetting = "DataProtection:Certificate";
    private const string KeyCertificatePurpose = "het PFX-certificaat waarmee de data-protection-sleutels in de database worden versleuteld (op elke node hetzelfde)";

    /// <summary>
    /// The key ring in the shared database, its keys encrypted with the certificate of <c>DataProtection:Certificate</c>
    /// when that is set (required outside Development: see <see cref="RequireKeyProtection"/>), so a copy of the
    /// database alone does not reveal the keys that protect sessions, authenticator keys and tokens. Every node needs
    /// the same certificate (with its private key) to read the ring.
    /// </summary>
    public static IServiceCollection AddProeftuinDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Proeftuin").PersistKeysToDbContext<ProeftuinDbContext>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{KeyCertificateSetting}:Path"]))
        {
            dataProtection.ProtectKeysWithCertificate(CertificateSettings.Load(configuration, KeyCertificateSetting, KeyCertificatePurpose));
        }

        return services;
    }

    /// <summary>Outside Development and tests the key ring must be encrypted: start-up stops with the setting named.</summary>
    public static void RequireKeyProtection(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing") && string.IsNullOrWhiteSpace(configuration[$"{KeyCertificateSetting}:Path"]))
        {
            throw new StartupConfigurationException($"De instelling {KeyCertificateSetting}:Path ontbreekt: {KeyCertificatePurpose}.");
        }
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
