namespace Proeftuin.Web.Infrastructure;

/// <summary>Migrates (and in Development seeds) the database when the host starts, before requests are served.</summary>
internal sealed class DatabaseStartupService(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.PrepareDatabaseAsync(configuration, environment, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
