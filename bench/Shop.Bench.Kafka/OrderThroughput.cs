using System.Diagnostics;
using System.Globalization;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Orders;
using Xunit;

namespace Shop.Bench.Kafka;

/// <summary>Orders per second from placing to CONFIRMED, end to end on the two-silo shop cluster whose saga runs over Kafka.</summary>
internal static class OrderThroughput
{
    private const int Orders = 200;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public static async Task RunAsync()
    {
        var shop = new KafkaShopClusterFixture();
        await ((IAsyncLifetime)shop).InitializeAsync();
        try
        {
            var sku = await shop.Shop.Product(stock: Orders);
            var users = Enumerable.Range(0, Orders).Select(_ => Guid.NewGuid()).ToList();
            await Task.WhenAll(users.Select(u => shop.Shop.Fill(u, sku, 1)));
            var clock = Stopwatch.StartNew();
            var ids = await Task.WhenAll(users.Select(async u =>
            {
                var id = Guid.NewGuid();
                await shop.Shop.Place(id, u);
                return id;
            }));
            var confirmed = await ConfirmedWithin(shop, ids, Deadline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"orders: {confirmed} of {Orders} orders confirmed in {clock.Elapsed.TotalSeconds:F2} s: {confirmed / clock.Elapsed.TotalSeconds:F1} orders/s"));
        }
        finally
        {
            await ((IAsyncLifetime)shop).DisposeAsync();
        }
    }

    private static async Task<int> ConfirmedWithin(KafkaShopClusterFixture shop, Guid[] ids, TimeSpan deadline)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var orders = await Task.WhenAll(ids.Select(id => shop.Grains.GetGrain<IOrderGrain>(id).GetOrder()));
            var confirmed = orders.Count(o => o?.Status == OrderStatus.Confirmed);
            if (confirmed == ids.Length || Stopwatch.GetTimestamp() > until)
            {
                return confirmed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
