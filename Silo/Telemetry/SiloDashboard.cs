using Orleans.Dashboard;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.Silo.Telemetry;

/// <summary>The silo's side of the Orleans Dashboard: it profiles grain calls and answers the dashboard's queries.</summary>
public static class SiloDashboard
{
    /// <summary>Adds the dashboard's silo services when <see cref="OrleansDashboardOptions"/> turns it on.</summary>
    public static ISiloBuilder AddShopOrleansDashboard(this ISiloBuilder silo, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (OrleansDashboardOptions.IsOn(configuration, environment))
        {
            // The live log stream would show every silo's log lines, secrets filtered or not, to a browser.
            silo.AddDashboard(o => o.HideTrace = true);
        }

        return silo;
    }
}
