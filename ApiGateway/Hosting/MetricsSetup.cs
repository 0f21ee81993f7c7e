using OpenTelemetry.Metrics;

namespace Shop.ApiGateway.Hosting;

/// <summary>Prometheus metrics at <c>/metrics</c>: HTTP/gRPC server, .NET runtime, Orleans and Shop's own meters.</summary>
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
            // Orleans publishes silo, grain, messaging and streaming instruments under this meter in co-hosted mode.
            .AddMeter("Microsoft.Orleans")
            .AddMeter("Shop.*")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the scraping endpoint (anonymous, like the health endpoints).</summary>
    public static WebApplication MapShopMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous();
        return app;
    }
}
