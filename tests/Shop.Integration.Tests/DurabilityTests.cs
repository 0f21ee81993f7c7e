using Shop.Carts;
using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;
using Shop.Inventory;
using Shop.Orders;
using Shop.Users;

namespace Shop.Integration.Tests;

/// <summary>Issue 3: stopping every silo and starting a new cluster on the same PostgreSQL and Redis loses nothing.</summary>
[Collection(ServersFixtures.Name)]
public sealed class DurabilityTests(PostgresServer postgres, RedisServer redis)
{
    [SkippableFact]
    public async Task Orders_stock_carts_and_users_are_intact_after_the_whole_cluster_is_stopped_and_a_new_one_started()
    {
        var database = await postgres.CreateDatabaseAsync("durability");
        var settings = Settings.Production(database, redis.ConnectionString, Settings.NewServiceId("durability"));
        settings["Shop:Auth:PasswordHashIterations"] = "1000";
        string sku;
        Guid buyer, browser, orderId;

        await using (var before = await ShopTestCluster.StartAsync(settings))
        {
            var shop = new ShopDriver(before.Client);
            sku = await shop.Product(stock: 10);
            (buyer, _) = await shop.User();
            (browser, _) = await shop.User();
            orderId = await shop.Checkout(buyer, sku, quantity: 2);
            await shop.Reaches(orderId, OrderStatus.Confirmed);
            await shop.ReservationReaches(orderId, ReservationStatus.Committed);
            await shop.Fill(browser, sku, 3);
        }

        await using var after = await ShopTestCluster.StartAsync(settings);
        var grains = after.Client;

        Assert.Equal(OrderStatus.Confirmed, (await grains.GetGrain<IOrderGrain>(orderId).GetOrder())?.Status);
        var level = await new ShopDriver(grains).Level(sku);
        Assert.Equal((8L, 0L, 2L), (level.OnHand, level.Reserved, level.Committed));
        Assert.Equal(3, (await grains.GetGrain<ICartGrain>(browser.ToString()).GetCart()).Lines.Single().Quantity);
        Assert.NotNull(await grains.GetGrain<IUserGrain>(buyer).GetProfile());
    }
}
