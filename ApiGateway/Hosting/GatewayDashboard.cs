using Orleans.Dashboard;
using Shop.ServiceDefaults.Telemetry;
using Shop.Users;

namespace Shop.ApiGateway.Hosting;

/// <summary>The Orleans Dashboard on the gateway, at <c>/dashboard</c>, for the admin role only.</summary>
public static class GatewayDashboard
{
    /// <summary>In client mode: the dashboard's client services (its data comes from the silos').</summary>
    public static IClientBuilder AddShopOrleansDashboard(this IClientBuilder client, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (OrleansDashboardOptions.IsOn(configuration, environment))
        {
            client.AddDashboard(o => o.HideTrace = true);
        }

        return client;
    }

    /// <summary>Maps the dashboard's pages and API when it is on; nothing is served there when it is off.</summary>
    public static WebApplication MapShopOrleansDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (OrleansDashboardOptions.IsOn(app.Configuration, app.Environment))
        {
            // An operator's page, not part of the shop's API: kept out of the OpenAPI document.
            app.MapOrleansDashboard(OrleansDashboardOptions.Path).RequireAuthorization(Roles.Admin).ExcludeFromDescription();
        }

        return app;
    }
}
