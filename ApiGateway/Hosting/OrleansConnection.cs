using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.ServiceDefaults.Clustering;

namespace Shop.ApiGateway.Hosting;

/// <summary>Connects the gateway to the grains: a co-hosted silo, or an Orleans client of a silo cluster.</summary>
public static class OrleansConnection
{
    /// <summary>Wires Orleans for <see cref="GatewayOptions.Mode"/>.</summary>
    public static WebApplicationBuilder AddShopOrleans(this WebApplicationBuilder builder, GatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gateway);
        if (gateway.Mode == GatewayMode.CoHosted)
        {
            // Compiled from Hosting/CoHostedSilo.cs, or in a build without the silo from Hosting/SiloLessBuild.cs.
            builder.AddCoHostedSilo();
        }
        else
        {
            builder.AddShopOrleansClient();
        }

        return builder;
    }

    /// <summary>
    /// The Orleans client of a separate cluster: identity and gateway discovery come from the same settings the silos
    /// read (<c>Shop:Orleans</c>), through the shared client wiring.
    /// </summary>
    public static WebApplicationBuilder AddShopOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.UseOrleansClient(client =>
        {
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
            client.AddOutgoingGrainCallFilter<IdempotentReadRetry>();
            client.UseShopCluster(builder.Configuration);
            client.AddShopOrleansDashboard(builder.Configuration, builder.Environment);
        });
        return builder;
    }
}
