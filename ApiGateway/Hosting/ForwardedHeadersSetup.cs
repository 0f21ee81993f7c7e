using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Shop.ApiGateway.Hosting;

/// <summary>Forwarded headers from the configured proxy networks only (<see cref="ForwardedHeadersSettings"/>).</summary>
public static class ForwardedHeadersSetup
{
    /// <summary>Binds and validates the settings at start, and configures ASP.NET Core's forwarded-headers middleware.</summary>
    public static WebApplicationBuilder AddShopForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.ForwardLimit = settings.Value.ForwardLimit;
                // ASP.NET Core trusts loopback by default; Shop trusts exactly the configured networks.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var network in settings.Value.KnownNetworks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });
        return builder;
    }

    /// <summary>
    /// Runs the middleware first in the pipeline, when proxy networks are configured. Without any, it is left out:
    /// with empty lists ASP.NET Core's middleware would believe every sender.
    /// </summary>
    public static WebApplication UseShopForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}

/// <summary>Every entry of <see cref="ForwardedHeadersSettings.KnownNetworks"/> must be a network in CIDR notation.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var failures = options.KnownNetworks
            .Select((network, index) => (network, index))
            .Where(entry => !System.Net.IPNetwork.TryParse(entry.network, out _))
            .Select(entry => $"Setting {ForwardedHeadersSettings.Section}:KnownNetworks:{entry.index} is '{entry.network}'; expected a network in CIDR notation such as 10.0.0.0/8.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
