using Shop.ServiceDefaults.Clustering;
using Shop.Silo.Storage;

namespace Shop.Silo;

/// <summary>
/// Connects an Orleans client that runs beside the silo's assemblies (test clusters, tools) to a Shop cluster: as
/// <see cref="ShopClusterClient.UseShopCluster"/>, and with <c>Shop:Orleans:Clustering=AdoNet</c> and no gateway list
/// it finds the gateways in the PostgreSQL membership table, which needs the storage client only this assembly has.
/// </summary>
public static class ShopClientExtensions
{
    /// <summary>Configures cluster identity and gateway discovery of an Orleans client.</summary>
    public static IClientBuilder UseShopClusterClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UseShopCluster(configuration, membershipTable: c =>
        {
            var connectionString = StorageConnections.Read(configuration)
                .RequirePostgres($"{OrleansClusterOptions.Section}:Clustering=AdoNet");
            c.UseAdoNetClustering(options =>
            {
                options.Invariant = StorageWiring.PostgresInvariant;
                options.ConnectionString = connectionString;
            });
        });
    }
}
