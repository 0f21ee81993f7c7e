using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Health;
using Shop.ServiceDefaults.Metrics;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry of every host: traces of ASP.NET Core (REST and gRPC), HttpClient (Stripe, SendGrid,
/// Elasticsearch), Npgsql, Orleans grain calls and storage, and the shop's saga; the metrics of
/// <see cref="MetricsSetup"/>; and, with <see cref="TelemetryOptions.OtlpEndpoint"/> set, all three sent over OTLP.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The activity source Npgsql 10 publishes its commands under.</summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>Registers tracing, metrics and the OTLP export for a host named <paramref name="serviceName"/>.</summary>
    public static IHostApplicationBuilder AddShopTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ShopOptions.Read<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section);
        var otlp = options.OtlpEndpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                // A continued trace keeps its caller's decision: an order is sampled whole or not at all.
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SamplingRatio)))
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = IsTraced)
                .AddHttpClientInstrumentation()
                .AddSource(NpgsqlSource)
                // Not the runtime source: its spans are the pulling agents' and the directory's polls, one trace each.
                .AddSource(OrleansTelemetry.ApplicationSource, OrleansTelemetry.StorageSource)
                .AddSource(ShopActivitySources.Prefix + "*"));
        builder.Services.AddShopMetrics();

        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter(o => o.Endpoint = otlp))
                .WithMetrics(metrics => metrics.AddOtlpExporter(o => o.Endpoint = otlp));
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
                logs.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        }

        return builder;
    }

    // Probes and scrapes every few seconds would bury the requests of shoppers.
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(MetricsSetup.Path, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(HealthEndpoints.LivePath, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(HealthEndpoints.ReadyPath, StringComparison.OrdinalIgnoreCase);
}
