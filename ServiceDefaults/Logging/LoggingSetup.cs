using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ServiceDefaults.Logging;

/// <summary>
/// The console log of every host. Levels come from the <c>Logging</c> section (each host's appsettings.json keeps
/// per-call chatter such as Polly's and Orleans' below Information); <c>Shop:Logging:Format=json</c> switches the
/// console to one JSON object per line whose scopes carry the entry's <c>TraceId</c> and <c>SpanId</c>.
/// </summary>
public static class LoggingSetup
{
    /// <summary>Formats the console log as <see cref="LoggingOptions.Format"/> says.</summary>
    public static IHostApplicationBuilder AddShopLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ShopOptions.Read<LoggingOptions>(builder.Configuration, LoggingOptions.Section);
        // The host's default already tracks the activity in a scope; said again so JSON lines never lose the ids.
        builder.Logging.Configure(factory => factory.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.Format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }
}
