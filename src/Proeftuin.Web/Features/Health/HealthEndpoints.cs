using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Health;

/// <summary><c>/healthz</c>: 200 when the database answers, 503 otherwise. Anonymous, for load balancers.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<ProeftuinDbContext>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK } })
            .WithTags("Health")
            .AllowAnonymous()
            .DisableHttpMetrics();
}
