using Microsoft.Extensions.Options;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>Runs <see cref="LiveConnections.CheckAsync"/> every <c>Sessions:LiveCheckSeconds</c> on this node (timer from the app's TimeProvider).</summary>
public sealed class LiveConnectionCheck(LiveConnections connections, TimeProvider time, IOptions<SessionOptions> options, ILogger<LiveConnectionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LiveCheck, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await connections.CheckAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A database that is briefly away must not stop the checks; the next tick tries again.
                    logger.LogWarning(error, "Checking the open hub connections failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
