using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Logging;
using Shop.ServiceDefaults.Metrics;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.ServiceDefaults;

/// <summary>
/// What every Shop host turns on the same way: health checks and their probes, the console log, traces and metrics,
/// so the gateway and the silo get them from one place.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Registers health checks (hosts add their own, tagged <see cref="HealthEndpoints.ReadyTag"/>), the console log's
    /// format, and telemetry (traces, metrics, OTLP export) of the host named <paramref name="serviceName"/>.
    /// </summary>
    public static IHealthChecksBuilder AddShopServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddShopLogging();
        builder.AddShopTelemetry(serviceName);
        return builder.Services.AddHealthChecks();
    }

    /// <summary>Maps <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, all anonymous.</summary>
    public static WebApplication MapShopDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapShopHealthEndpoints();
        app.MapShopMetrics();
        return app;
    }
}
