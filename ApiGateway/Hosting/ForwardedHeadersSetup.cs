using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ApiGateway.Hosting;

/// <summary>Forwarded headers from the configured proxy networks only (<see cref="ForwardedHeadersSettings"/>).</summary>
public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Reads and validates the settings while the host is built (a malformed network stops the start naming the
    /// setting), and configures ASP.NET Core's forwarded-headers middleware with exactly those networks.
    /// </summary>
    public static WebApplicationBuilder AddShopForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ShopOptions.Read(builder.Configuration, ForwardedHeadersSettings.Section, new ForwardedHeadersSettingsValidator());
        builder.Services.AddSingleton(Options.Create(settings));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            // ASP.NET Core trusts loopback by default; Shop trusts exactly the configured networks.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in settings.KnownNetworks)
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
