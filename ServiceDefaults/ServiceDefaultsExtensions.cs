using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Metrics;

namespace Shop.ServiceDefaults;

/// <summary>
/// What every Shop host turns on the same way: health checks and their probes, and metrics. Observability that joins
/// later (tracing, OTLP export) belongs here too, so the gateway and the silo get it from one place.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Registers health checks (hosts add their own, tagged <see cref="HealthEndpoints.ReadyTag"/>) and metrics.</summary>
    public static IHealthChecksBuilder AddShopServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddShopMetrics();
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
