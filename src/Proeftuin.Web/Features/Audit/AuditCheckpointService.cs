using Proeftuin.Data.Audit;

namespace Proeftuin.Web.Features.Audit;

/// <summary>
/// Writes a signed checkpoint of the audit log outside the database at start-up, every <c>Audit:Checkpoints:Interval</c>
/// (default 5 minutes, on the app's <see cref="TimeProvider"/>) when the log grew, and once more when the app stops.
/// <c>proeftuin audit verify</c> compares the log with the last one.
/// </summary>
public sealed class AuditCheckpointService(AuditCheckpointWriter checkpoints, AuditSettings settings, TimeProvider time, ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            await WriteAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checkpoints.WriteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The app keeps serving; the operator sees why the checkpoints stopped (the target is named, not the key).
            logger.LogError(ex, "Controlepunt van het auditlog kon niet worden geschreven naar {Target} ({Path})", settings.Target,
                settings.Target == CheckpointTarget.Syslog ? settings.SyslogSocket : settings.CheckpointPath);
        }
    }
}
