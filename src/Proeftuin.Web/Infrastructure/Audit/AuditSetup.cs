using Proeftuin.Data.Audit;
using Proeftuin.Web.Features.Audit;

namespace Proeftuin.Web.Infrastructure.Audit;

/// <summary>
/// The audit log's services: the chain key and checkpoint target from <see cref="AuditSettings"/>, the writer, the
/// request-aware <see cref="AuditLog"/>, the queue for entries written off the typing path, retention and checkpoints.
/// </summary>
public static class AuditSetup
{
    public static void AddProeftuinAudit(this WebApplicationBuilder builder)
    {
        AuditSettings settings;
        try
        {
            settings = AuditSettings.From(
                builder.Configuration,
                builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"),
                builder.Environment.ContentRootPath);
        }
        catch (AuditConfigurationException ex)
        {
            throw new StartupConfigurationException(ex.Message);
        }

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Key);
        services.AddSingleton<AuditWriter>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService<AuditRetentionService>();
        services.AddSingleton<ICheckpointSink>(s => settings.Target == CheckpointTarget.Syslog
            ? new SyslogCheckpointSink(settings.SyslogSocket, s.GetRequiredService<TimeProvider>())
            : new FileCheckpointSink(settings.CheckpointPath));
        services.AddSingleton<AuditCheckpointWriter>();

        // Hosted services stop in reverse order: the queue drains before the last checkpoint is written.
        services.AddHostedService<AuditCheckpointService>();
        services.AddSingleton<AuditQueue>();
        services.AddHostedService(s => s.GetRequiredService<AuditQueue>());
    }
}
