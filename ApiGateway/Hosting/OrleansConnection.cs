using Shop.Silo;

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
            builder.AddShopSilo();
        }
        else
        {
            builder.AddShopOrleansClient();
        }

        return builder;
    }

    /// <summary>The Orleans client of a separate cluster, from <c>Shop:Orleans</c> (localhost clustering for now).</summary>
    public static WebApplicationBuilder AddShopOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = ShopSiloExtensions.ReadClusterOptions(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
            switch (cluster.Clustering)
            {
                case Silo.Configuration.ClusteringMode.Localhost:
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Setting Shop:Orleans:Clustering={cluster.Clustering} is not available to the gateway client in this build yet.");
            }
        });
        return builder;
    }
}
