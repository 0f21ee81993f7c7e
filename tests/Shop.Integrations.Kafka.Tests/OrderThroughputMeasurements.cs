using System.Diagnostics;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Orders;
using Xunit.Abstractions;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>End-to-end order throughput on the Kafka shop cluster, run on demand only (see <see cref="ProviderThroughputMeasurements"/>).</summary>
[Collection(KafkaShopClusterDefinition.Name)]
public sealed class OrderThroughputMeasurements(KafkaShopClusterFixture shop, ITestOutputHelper output)
{
    /// <summary>Orders per second from placing to CONFIRMED, end to end on two silos over Kafka.</summary>
    [SkippableFact]
    public async Task Orders_per_second_end_to_end()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SHOP_KAFKA_MEASURE") == "1", "set SHOP_KAFKA_MEASURE=1 to measure");
        const int orders = 200;
        var sku = await shop.Shop.Product(stock: orders);
        var users = Enumerable.Range(0, orders).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(users.Select(u => shop.Shop.Fill(u, sku, 1)));
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(users.Select(async u =>
        {
            var id = Guid.NewGuid();
            await shop.Shop.Place(id, u);
            return id;
        }));
        await Eventually.Until(
            async () => (await Task.WhenAll(ids.Select(id => shop.Grains.GetGrain<IOrderGrain>(id).GetOrder()))).All(o => o!.Status == OrderStatus.Confirmed),
            TimeSpan.FromSeconds(120),
            "not every order was confirmed");
        output.WriteLine($"{orders} orders confirmed in {clock.Elapsed.TotalSeconds:F2} s: {orders / clock.Elapsed.TotalSeconds:F1} orders/s");
    }
}
