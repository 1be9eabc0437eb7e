using Microsoft.Extensions.Options;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>The hosted loop: a pass of <see cref="OutboxDispatcher"/>, then a wait of the poll interval on the app's clock.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go on at once.
                if (await dispatcher.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; the next pass tries again.
                logger.LogWarning(ex, "Outbox: pass mislukt");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
