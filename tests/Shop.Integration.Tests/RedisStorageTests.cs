using Microsoft.Extensions.DependencyInjection;
using Orleans.Persistence;
using Orleans.Storage;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Integration.Tests.Fixtures;
using StackExchange.Redis;

namespace Shop.Integration.Tests;

/// <summary>Carts on Orleans' Redis grain storage, wired by Shop: round trip, etag conflicts, key expiry.</summary>
[Collection(ServersFixtures.Name)]
public sealed class RedisStorageTests(RedisServer redis)
{
    private const string Sku = "REDIS-TEST-1";

    [SkippableFact]
    public async Task A_cart_is_read_back_from_Redis_by_a_new_activation_and_its_key_lives_for_the_idle_expiry()
    {
        var serviceId = Settings.NewServiceId("cart-roundtrip");
        await using var shop = await ShopTestCluster.StartAsync(
            Settings.CartsOnRedis(redis.ConnectionString, serviceId, idleExpiry: "00:10:00"), silos: 1);
        await CreateProduct(shop.Client);
        var cart = shop.Client.GetGrain<ICartGrain>("roundtrip-cart");

        await cart.AddLine(Sku, 3);
        await shop.Cluster.DeactivateAsync(cart);
        var read = await cart.GetCart();

        Assert.Equal((Sku, 3), (read.Lines.Single().Sku, read.Lines.Single().Quantity));
        var ttl = await TimeToLiveOfOnlyKey(serviceId);
        Assert.InRange(ttl, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [SkippableFact]
    public async Task A_cart_whose_key_expired_in_Redis_reads_as_empty()
    {
        var serviceId = Settings.NewServiceId("cart-expiry");
        // Shop:Carts:IdleExpiry is at least a minute; the test shortens the Redis key expiry it becomes to one second.
        await using var shop = await ShopTestCluster.StartAsync(
            Settings.CartsOnRedis(redis.ConnectionString, serviceId), silos: 1,
            configureSilo: silo => silo.Services.Configure<RedisStorageOptions>(StorageNames.Carts, o => o.EntryExpiry = TimeSpan.FromSeconds(1)));
        await CreateProduct(shop.Client);
        var cart = shop.Client.GetGrain<ICartGrain>("idle-cart");
        await cart.AddLine(Sku, 1);

        await Eventually.Until(async () => (await Keys(serviceId)).Length == 0, TimeSpan.FromSeconds(10), "the cart's Redis key to expire");
        await shop.Cluster.DeactivateAsync(cart);

        Assert.Empty((await cart.GetCart()).Lines);
    }

    [SkippableFact]
    public async Task The_Redis_grain_storage_refuses_a_stale_etag_and_a_second_first_write()
    {
        await using var shop = await ShopTestCluster.StartAsync(
            Settings.CartsOnRedis(redis.ConnectionString, Settings.NewServiceId("cart-etags")), silos: 1);
        var storage = shop.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Carts);
        var grainId = GrainId.Create("probe", "redis-etag");

        await EtagContract.StaleWritesAreRefused(storage, grainId);
    }

    private static async Task CreateProduct(IClusterClient client) =>
        await client.GetGrain<IProductGrain>(Sku).Create(new ProductDraft
        {
            Name = "Redis test product",
            Category = "tests",
            Price = Money.Of(1_250, "EUR"),
        });

    private async Task<RedisKey[]> Keys(string serviceId)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = connection.GetServers().Single();
        return [.. server.Keys(pattern: $"{serviceId}/state/*")];
    }

    private async Task<TimeSpan> TimeToLiveOfOnlyKey(string serviceId)
    {
        var key = (await Keys(serviceId)).Single();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        return await connection.GetDatabase().KeyTimeToLiveAsync(key) ?? TimeSpan.Zero;
    }
}
