using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Proeftuin.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core, runtime, the live meetings) for Prometheus at <c>/metrics</c> when
/// <c>Telemetry:Prometheus</c> is on, and traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public const string PrometheusKey = "Telemetry:Prometheus";

    public static IServiceCollection AddProeftuinTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiveMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(LiveMetrics.Name);
                if (configuration.GetValue<bool>(PrometheusKey))
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
                .AddSource(LiveMetrics.Name)
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c> for a Prometheus scraper. Anonymous like <c>/healthz</c>: it carries counts only, and the reverse
    /// proxy must not route it from outside (docs/deployment.md).
    /// </summary>
    public static void MapProeftuinTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(PrometheusKey))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().WithTags("Health");
        }
    }
}
