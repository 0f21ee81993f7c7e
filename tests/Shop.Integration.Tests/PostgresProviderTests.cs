using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Shop.Common;
using Shop.Integration.Tests.Fixtures;
using Shop.Integration.Tests.Probes;

namespace Shop.Integration.Tests;

/// <summary>The three Orleans ADO.NET providers for real, on Shop's migration, in a two-silo cluster.</summary>
[Collection(ServersFixtures.Name)]
public sealed class PostgresProviderTests(PostgresServer postgres)
{
    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Two_silos_on_PostgreSQL_clustering_each_have_an_active_membership_row()
    {
        var database = await postgres.CreateDatabaseAsync("membership");
        var settings = Settings.Production(database, redis: null, Settings.NewServiceId("membership"));
        await using var shop = await ShopTestCluster.StartAsync(settings);

        await Eventually.Until(
            async () => await ActiveSilos(database, settings["Shop:Orleans:ClusterId"]!) == 2, ClusterTimeout, "two Active silo rows");

        // The client found the gateways through the same membership table (ShopClientExtensions.UseShopClusterClient).
        var probe = shop.Client.GetGrain<IReminderProbeGrain>("hello");
        await probe.Remember("hi");
        Assert.Equal("hi", await probe.Recall());
    }

    [SkippableFact]
    public async Task The_PostgreSQL_grain_storage_refuses_a_stale_etag_and_keeps_counting_versions_after_a_clear()
    {
        var database = await postgres.CreateDatabaseAsync("etags");
        await using var shop = await ShopTestCluster.StartAsync(
            Settings.Production(database, redis: null, Settings.NewServiceId("etags")), silos: 1);
        var storage = shop.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Orders);
        var grainId = GrainId.Create("probe", "etag-probe");

        var read = await EtagContract.StaleWritesAreRefused(storage, grainId);
        Assert.Equal(("2", true), (read.ETag, read.RecordExists));

        await storage.ClearStateAsync("probe", grainId, read);
        var cleared = new GrainState<ReminderProbeState>();
        await storage.ReadStateAsync("probe", grainId, cleared);
        Assert.Equal((null, "3", false), (cleared.State!.Value, cleared.ETag, cleared.RecordExists));
        cleared.State.Value = "after clear";
        await storage.WriteStateAsync("probe", grainId, cleared);
        Assert.Equal("4", cleared.ETag);
    }

    [SkippableFact]
    public async Task Grains_of_different_types_with_the_same_key_and_state_name_keep_separate_rows()
    {
        var database = await postgres.CreateDatabaseAsync("same_key");
        await using var shop = await ShopTestCluster.StartAsync(
            Settings.Production(database, redis: null, Settings.NewServiceId("same-key")), silos: 1);
        var storage = shop.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Catalog);
        var product = GrainId.Create("product", "LAMP-1");
        var stock = GrainId.Create("stockitem", "LAMP-1");

        await storage.WriteStateAsync("state", product, new GrainState<ReminderProbeState>(new ReminderProbeState { Value = "product" }));
        await storage.WriteStateAsync("state", stock, new GrainState<ReminderProbeState>(new ReminderProbeState { Value = "stock" }));
        var readProduct = new GrainState<ReminderProbeState>();
        await storage.ReadStateAsync("state", product, readProduct);

        Assert.Equal("product", readProduct.State!.Value);
    }

    [SkippableFact]
    public async Task State_and_a_pending_reminder_survive_stopping_the_whole_cluster_and_starting_a_new_one()
    {
        var database = await postgres.CreateDatabaseAsync("restart");
        var settings = Settings.Production(database, redis: null, Settings.NewServiceId("restart"));
        // Long enough that the reminder is still pending when the first cluster stops, short enough for a test.
        var dueTime = TimeSpan.FromSeconds(20);

        await using (var before = await ShopTestCluster.StartAsync(settings))
        {
            var probe = before.Client.GetGrain<IReminderProbeGrain>("durable");
            await probe.Remember("kept across restarts");
            await probe.Arm(dueTime);
            Assert.Equal(0, await probe.FiredCount());
        }

        await using var after = await ShopTestCluster.StartAsync(settings);
        var again = after.Client.GetGrain<IReminderProbeGrain>("durable");

        Assert.Equal("kept across restarts", await again.Recall());
        await Eventually.Until(async () => await again.FiredCount() > 0, dueTime + ClusterTimeout, "the reminder to fire after the restart");
    }

    private static async Task<long> ActiveSilos(string database, string clusterId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
