using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Logging;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary><c>Shop:Logging:Format</c> picks the console log's format.</summary>
public sealed class LogFormatTests
{
    [Fact]
    public void Format_json_writes_JSON_lines_whose_scopes_carry_the_trace_and_span_ids()
    {
        using var host = Build("json");

        Assert.Equal(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        Assert.True(host.Services.GetRequiredService<IOptions<JsonConsoleFormatterOptions>>().Value.IncludeScopes);
        var tracking = host.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId) && tracking.HasFlag(ActivityTrackingOptions.SpanId));
    }

    [Fact]
    public void The_default_format_is_plain_text()
    {
        using var host = Build(null);

        Assert.NotEqual(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    [Fact]
    public void An_unknown_format_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build("xml"));

        Assert.Contains(LoggingOptions.Section, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string? format)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new($"{LoggingOptions.Section}:Format", format)]);
        builder.AddShopLogging();
        return builder.Build();
    }
}
