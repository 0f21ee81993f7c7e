using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>
/// The Orleans Dashboard (<c>Shop:OrleansDashboard</c>): grain activations, calls, latency and silo counters at
/// <c>/dashboard</c> on the gateway, for admins only. The silos collect what it shows, so set it the same on the
/// gateway and on every silo.
/// </summary>
public sealed class OrleansDashboardOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:OrleansDashboard";

    /// <summary>Where the gateway serves it.</summary>
    public const string Path = "/dashboard";

    /// <summary>
    /// On or off; unset (the default), it is on in every environment but Production, where its grain-call profiling
    /// and its admin pages have to be asked for.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the dashboard runs in <paramref name="environment"/>, from the validated setting.</summary>
    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = ShopOptions.Read<OrleansDashboardOptions>(configuration, Section);
        return options.Enabled ?? !environment.IsProduction();
    }
}
