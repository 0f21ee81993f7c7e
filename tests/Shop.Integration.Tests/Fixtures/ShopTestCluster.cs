using System.Reflection;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Shop.Silo;
using Shop.Silo.Storage;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>
/// An in-process Orleans cluster wired exactly like a Shop silo (<see cref="ShopSiloExtensions.AddShopSiloParts"/>)
/// from a set of settings. With <c>Shop:Orleans:Clustering=AdoNet</c> the silos use PostgreSQL membership and the
/// client finds them through <see cref="ShopClientExtensions.UseShopClusterClient"/>, as a Client-mode gateway does.
/// </summary>
internal sealed class ShopTestCluster : IAsyncDisposable
{
    private ShopTestCluster(InProcessTestCluster cluster) => Cluster = cluster;

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>A client connected to the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Starts <paramref name="silos"/> silos configured by <paramref name="settings"/>.</summary>
    public static async Task<ShopTestCluster> StartAsync(
        IReadOnlyDictionary<string, string?> settings, short silos = 2, Action<ISiloBuilder>? configureSilo = null)
    {
        // Each test cluster keeps its search index in memory: clusters running in parallel must not share a folder.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Shop:Search:Lucene:InMemory", "true")])
            .AddInMemoryCollection(settings)
            .Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ClusterId = configuration["Shop:Orleans:ClusterId"] ?? builder.Options.ClusterId;
        builder.Options.ServiceId = configuration["Shop:Orleans:ServiceId"] ?? builder.Options.ServiceId;
        builder.Options.ConfigureFileLogging = false;
        var adoNet = string.Equals(configuration["Shop:Orleans:Clustering"], "AdoNet", StringComparison.OrdinalIgnoreCase);
        if (adoNet)
        {
            UseRealMembership(builder.Options);
            builder.ConfigureClient(client => client.UseShopClusterClient(configuration));
        }

        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddShopSiloParts(configuration);
            if (adoNet)
            {
                // Not UseShopAdoNetClustering: the test cluster picks the ports and endpoints itself.
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = StorageWiring.PostgresInvariant;
                    o.ConnectionString = configuration.GetConnectionString("Postgres");
                });
            }

            configureSilo?.Invoke(silo);
        });

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ShopTestCluster(cluster);
    }

    /// <summary>
    /// The in-process test cluster registers its own in-memory membership table after every user delegate, so it would
    /// silently replace ADO.NET clustering. Its switch is internal in TestingHost 10.4.2; it is turned off here so the
    /// silos really meet through PostgreSQL.
    /// </summary>
    private static void UseRealMembership(InProcessTestClusterOptions options) =>
        typeof(InProcessTestClusterOptions)
            .GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
            .SetValue(options, false);

    /// <summary>Stops every silo and the client gracefully.</summary>
    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
