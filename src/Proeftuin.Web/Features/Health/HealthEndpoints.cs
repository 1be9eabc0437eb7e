using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Health;

/// <summary>
/// <c>/healthz</c> (live): 200 when the database answers. <c>/readyz</c> (ready for traffic): the database and, on a
/// node with the Redis backplane, Redis. Both anonymous, for load balancers and orchestrators; 503 when not.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<ProeftuinDbContext>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .WithTags("Health")
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app.MapHealthChecks("/healthz", new HealthCheckOptions
            {
                Predicate = check => check.Name == "database",
                ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
            })
            .WithTags("Health")
            .AllowAnonymous()
            .DisableHttpMetrics();
    }
}
