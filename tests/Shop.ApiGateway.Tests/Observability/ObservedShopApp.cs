using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>
/// The whole shop in this process, as <see cref="ShopApp"/>, with what it logs (at the levels of its appsettings)
/// and the spans it exports kept in memory.
/// </summary>
public sealed class ObservedShopApp(IReadOnlyDictionary<string, string?>? overrides = null) : ShopApp(overrides)
{
    /// <summary>The spans the host exported.</summary>
    public SpanRecorder Spans { get; } = new();

    /// <summary>The log entries the host wrote, after its level filters.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(
            tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(Spans))));
    }
}
