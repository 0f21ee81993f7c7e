using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ServiceDefaults.Clustering;

/// <summary>
/// Connects an Orleans client (the gateway in <c>Shop:Gateway:Mode=Client</c>) to a Shop cluster from the settings the
/// silos read: identity from <c>Shop:Orleans</c>, gateways from <c>Shop:Orleans:Gateways</c>, or the local gateway port
/// with <c>Shop:Orleans:Clustering=Localhost</c>.
/// </summary>
public static class ShopClusterClient
{
    /// <summary>The setting listing the silos' gateway endpoints.</summary>
    public const string GatewaysSetting = OrleansClusterOptions.Section + ":Gateways";

    /// <summary>Reads and validates <c>Shop:Orleans</c> (before the host is built, so a bad value stops the start).</summary>
    public static OrleansClusterOptions ReadClusterOptions(IConfiguration configuration) =>
        ShopOptions.Read<OrleansClusterOptions>(configuration, OrleansClusterOptions.Section);

    /// <summary>
    /// Configures cluster identity and gateway discovery. With <c>Clustering=AdoNet</c> and no gateway list, only a
    /// host that can read the membership table passes <paramref name="membershipTable"/>; without it the start is
    /// refused with a message naming <see cref="GatewaysSetting"/>.
    /// </summary>
    public static IClientBuilder UseShopCluster(this IClientBuilder client, IConfiguration configuration, Action<IClientBuilder>? membershipTable = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cluster = ReadClusterOptions(configuration);
        // Each grain call carries the caller's trace context (W3C traceparent in the request context).
        client.AddActivityPropagation();
        client.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ClientResponseTimeout);
        if (cluster.Gateways.Count > 0)
        {
            var endpoints = GatewayEndpoint.ParseAll(cluster.Gateways, cluster.GatewayPort);
            client.Services.AddSingleton<IGatewayListProvider>(sp => new ResolvedGatewayListProvider(
                endpoints, sp.GetRequiredService<IOptions<Orleans.Configuration.GatewayOptions>>().Value.GatewayListRefreshPeriod));
            return client;
        }

        switch (cluster.Clustering)
        {
            case ClusteringMode.Localhost:
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                break;
            case ClusteringMode.AdoNet when membershipTable is not null:
                membershipTable(client);
                break;
            default:
                throw new OptionsValidationException(OrleansClusterOptions.Section, typeof(OrleansClusterOptions),
                [
                    $"Setting {GatewaysSetting} is required with {OrleansClusterOptions.Section}:Clustering={cluster.Clustering}: " +
                    "this gateway reads no membership table; list the silos' gateway endpoints as host:port.",
                ]);
        }

        return client;
    }
}
