using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.ServiceDefaults.Metrics;

/// <summary>
/// Prometheus metrics at <c>/metrics</c>: HTTP/gRPC server, .NET runtime, Orleans and Shop's own meters. Both hosts
/// register here, so tracing and OTLP export join this one OpenTelemetry registration.
/// </summary>
public static class MetricsSetup
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the meters and the Prometheus exporter.</summary>
    public static IServiceCollection AddShopMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // Orleans publishes client, and in a silo also grain, messaging and streaming instruments under this meter.
            .AddMeter(OrleansTelemetry.Meter)
            .AddMeter(ShopActivitySources.Prefix + "*")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the scraping endpoint (anonymous, like the health endpoints).</summary>
    public static IEndpointRouteBuilder MapShopMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
        return app;
    }
}
