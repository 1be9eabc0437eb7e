using Proeftuin.Data.Audit;

namespace Proeftuin.Web.Features.Audit;

/// <summary>Runs the audit retention purge once a day (setting <c>Audit:RetentionYears</c>, default 5).</summary>
public sealed class AuditRetentionService(AuditRetention retention, IConfiguration configuration, ILogger<AuditRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                var removed = await retention.PurgeAsync(configuration.GetValue("Audit:RetentionYears", 5), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Auditlog: {Count} regels ouder dan de bewaartermijn verwijderd", removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Opschonen van het auditlog mislukt; volgende poging over een dag");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
