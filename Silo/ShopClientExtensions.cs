using Shop.Silo.Configuration;
using Shop.Silo.Storage;

namespace Shop.Silo;

/// <summary>
/// Connects an Orleans client (the gateway in <c>Shop:Gateway:Mode=Client</c>) to a Shop cluster from the same
/// configuration the silos read: cluster identity from <c>Shop:Orleans</c>, and the gateway list from PostgreSQL
/// membership when <c>Shop:Orleans:Clustering=AdoNet</c>, or the local gateway port otherwise.
/// </summary>
public static class ShopClientExtensions
{
    /// <summary>Configures cluster identity and gateway discovery of an Orleans client.</summary>
    public static IClientBuilder UseShopClusterClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cluster = ShopSiloExtensions.ReadClusterOptions(configuration);
        client.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        switch (cluster.Clustering)
        {
            case ClusteringMode.Localhost:
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                break;
            case ClusteringMode.AdoNet:
                var connectionString = StorageConnections.Read(configuration)
                    .RequirePostgres($"{OrleansClusterOptions.Section}:Clustering=AdoNet");
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = StorageWiring.PostgresInvariant;
                    options.ConnectionString = connectionString;
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"Setting {OrleansClusterOptions.Section}:Clustering={cluster.Clustering} is not available for clients.");
        }

        return client;
    }
}
