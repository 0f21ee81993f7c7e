using Shop.Common;
using Shop.Grains.Payments;
using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;
using Shop.Integrations.Kafka.Testing;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>
/// The real shop (every grain, wired by <c>AddShopSiloParts</c>) on two silos, with state and reminders on PostgreSQL
/// and the saga over Kafka, under the failures of DESIGN.md section 9: a silo killed mid-saga, a broker down. Orders
/// are a mix that confirms (card, cash on delivery) and that cancels (declined card, too little stock). Order
/// deadlines and stock holds are far beyond the test, so only the saga events carried by Kafka can finish the orders.
/// </summary>
[Collection(ShopOnPostgresAndKafkaDefinition.Name)]
public sealed class ShopFailuresOnKafkaTests(PostgresServer postgres, MockKafkaServer server)
{
    // Orleans' default queue balancer spreads the queues over the silos' ranges of the consistent ring, so with few
    // partitions one silo may get none; with 16 both get some (the kill test needs both to be reading when one dies).
    private const int Partitions = 16;
    private const long PlentyStock = 1000;
    private const long ScarceStock = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly Purchase[] Mix = [Purchase.Card, Purchase.CashOnDelivery, Purchase.DeclinedCard, Purchase.ScarceItem];

    private MockKafkaCluster Kafka => server.Kafka;

    /// <summary>
    /// One of two silos is killed (no graceful stop) while sagas run on every partition: the survivor takes over its
    /// partitions, re-reads what was read but not committed, handles it idempotently, and every order finishes.
    /// </summary>
    [SkippableFact]
    public async Task A_silo_killed_mid_saga_hands_its_partitions_to_the_survivor_and_every_order_finishes_once()
    {
        var prefix = $"kill-{Guid.NewGuid():N}-";
        var topic = KafkaSettings.CreateSagaTopics(Kafka, prefix, Partitions);
        using var meters = new KafkaMeterRecorder(topic);
        // Nothing is committed within two minutes: every event a silo has read is uncommitted when it dies.
        await using var shop = await StartShop("kafkakill", prefix, TimeSpan.FromMinutes(2));
        var driver = new ShopDriver(shop.Client);
        var stock = await Stock.Create(driver);
        var gateways = OrderOutcomes.PaymentGateways(shop.Cluster);

        var before = await Task.WhenAll(OrderIdsOnEveryPartition(perPartition: 1).Select((id, i) => Checkout(driver, stock, Mix[i % Mix.Length], id)));
        // Finished first, so the kill comes between steps: a silo killed between the provider's charge and its own
        // write makes the survivor call the provider again with the same idempotency key, which a real provider
        // deduplicates but these per-silo test gateways would count twice.
        await Eventually.Until(() => OrderOutcomes.AllFinished(driver, before.Select(order => order.OrderId)), Deadline, "the orders placed before the kill to finish");
        await Eventually.Until(
            () => Task.FromResult(meters.SilosConsuming == 2 && meters.Consumed >= Written(topic)),
            Deadline,
            "both silos to read the saga events written so far");
        await shop.Cluster.KillSiloAsync(shop.Cluster.Silos[^1]);
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Checkout(driver, stock, Mix[i % Mix.Length], Guid.NewGuid())));

        await AssertSettled(driver, stock, [.. before, .. after], gateways);
        Assert.True(meters.Consumed > Written(topic), $"no saga event was read twice: {meters.Consumed} read, {Written(topic)} written");
    }

    /// <summary>
    /// The broker leading every saga partition goes down mid-saga: orders placed meanwhile wait (their OrderPlaced
    /// cannot be written), and once it is back every order finishes and every delivered event is committed.
    /// </summary>
    [SkippableFact]
    public async Task A_broker_leading_the_saga_partitions_going_down_delays_orders_and_loses_none()
    {
        const int downBroker = 1;
        var prefix = $"broker-{Guid.NewGuid():N}-";
        var topic = KafkaSettings.CreateSagaTopics(Kafka, prefix, Partitions);
        for (var partition = 0; partition < Partitions; partition++)
        {
            Kafka.SetPartitionLeader(topic, partition, downBroker);
        }

        Assert.All(KafkaInspector.Leaders(Kafka.BootstrapServers, topic).Values, leader => Assert.Equal(downBroker, leader));
        using var meters = new KafkaMeterRecorder(topic);
        var serviceId = Settings.NewServiceId("kafkabroker");
        await using var shop = await StartShop("kafkabroker", prefix, TimeSpan.FromSeconds(1), serviceId);
        var driver = new ShopDriver(shop.Client);
        var stock = await Stock.Create(driver);
        var gateways = OrderOutcomes.PaymentGateways(shop.Cluster);
        // Users register and fill carts before the outage: registration publishes an event too.
        var waiting = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => NewBuyer(driver, stock, Mix[i % Mix.Length])));
        var before = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Checkout(driver, stock, Mix[i % Mix.Length], Guid.NewGuid())));

        var errorsBefore = meters.ClientErrors;
        Kafka.BrokerDown(downBroker);
        List<Task<PlacedOrder>> placing;
        try
        {
            placing = waiting.Select(buyer => Place(driver, buyer)).ToList();
            await Eventually.Until(() => Task.FromResult(meters.ClientErrors > errorsBefore), Deadline, "the shop's Kafka clients to notice the broker is down");
            Assert.DoesNotContain(placing, p => p.IsCompleted);
        }
        finally
        {
            Kafka.BrokerUp(downBroker);
        }

        var during = await Task.WhenAll(placing).WaitAsync(Deadline);
        await AssertSettled(driver, stock, [.. before, .. during], gateways);
        await Eventually.Until(
            () => Task.FromResult(KafkaInspector.Committed(Kafka.BootstrapServers, $"{serviceId}-saga", topic, Partitions) == Written(topic)),
            Deadline,
            "every saga event to be committed after the outage");
    }

    private async Task<ShopTestCluster> StartShop(string purpose, string prefix, TimeSpan minTimeInCache, string? serviceId = null)
    {
        var settings = Settings.Production(
            await postgres.CreateDatabaseAsync(purpose), redis: null, serviceId ?? Settings.NewServiceId(purpose));
        // The test cluster's own membership: what is under test is the saga over Kafka with state and reminders on PostgreSQL.
        settings["Shop:Orleans:Clustering"] = "Localhost";
        settings["Shop:Auth:PasswordHashIterations"] = "1000";
        // Far beyond the test: no hold expiry or deadline reminder may finish an order the saga did not.
        settings["Shop:Saga:ReservationHold"] = "00:30:00";
        settings["Shop:Saga:OrderDeadline"] = "01:00:00";
        KafkaSettings.Apply(settings, Kafka, prefix, Partitions, minTimeInCache);
        return await ShopTestCluster.StartAsync(settings, silos: 2);
    }

    private long Written(string topic) => KafkaInspector.Written(Kafka.BootstrapServers, topic, Partitions);

    /// <summary>Order ids whose saga streams fall on every partition of the saga topic.</summary>
    private static List<Guid> OrderIdsOnEveryPartition(int perPartition)
    {
        var mapper = new KafkaQueueMapper(StreamNames.Provider, Partitions);
        var perPartitionIds = new List<Guid>[Partitions];
        for (var p = 0; p < Partitions; p++)
        {
            perPartitionIds[p] = [];
        }

        while (perPartitionIds.Any(ids => ids.Count < perPartition))
        {
            var id = Guid.NewGuid();
            var ids = perPartitionIds[mapper.PartitionFor(StreamId.Create(StreamNames.OrderNamespace, id))];
            if (ids.Count < perPartition)
            {
                ids.Add(id);
            }
        }

        return [.. perPartitionIds.SelectMany(ids => ids)];
    }

    private static async Task<PlacedOrder> Checkout(ShopDriver driver, Stock stock, Purchase purchase, Guid orderId) =>
        await Place(driver, await NewBuyer(driver, stock, purchase) with { OrderId = orderId });

    /// <summary>A new user with one unit in the cart, ready to place an order.</summary>
    private static async Task<Buyer> NewBuyer(ShopDriver driver, Stock stock, Purchase purchase)
    {
        var (user, _) = await UntilDelivered(() => driver.User());
        await UntilDelivered(() => driver.Fill(user, purchase == Purchase.ScarceItem ? stock.Scarce : stock.Plenty, 1));
        return new Buyer(user, purchase, Guid.NewGuid());
    }

    private static async Task<PlacedOrder> Place(ShopDriver driver, Buyer buyer)
    {
        var (method, token) = buyer.Purchase switch
        {
            Purchase.Card => (PaymentMethod.Card, "tok_visa"),
            Purchase.DeclinedCard => (PaymentMethod.Card, "tok_chargeDeclined"),
            _ => (PaymentMethod.CashOnDelivery, (string?)null),
        };
        // Placing again with the same order id and user is idempotent: it completes an interrupted placement.
        await UntilDelivered(() => driver.Place(buyer.OrderId, buyer.UserId, method, token));
        return new PlacedOrder(buyer.OrderId, buyer.Purchase);
    }

    /// <summary>Repeats a call that fails because it went to the killed silo before the cluster declared it dead.</summary>
    private static async Task<T> UntilDelivered<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (OrderOutcomes.IsSiloLoss(ex) && DateTime.UtcNow < until)
            {
                // Retried: the cluster routes the next call to a live silo once the dead one is declared dead.
            }
        }
    }

    /// <summary>
    /// Every order finished, with the outcome its purchase must have; stock conserved on both products; no order
    /// charged twice; only the scarce units were sold of the scarce product.
    /// </summary>
    private static async Task AssertSettled(ShopDriver driver, Stock stock, List<PlacedOrder> orders, List<TestPaymentGateway> gateways)
    {
        var ids = orders.Select(o => o.OrderId).ToList();
        await Eventually.Until(() => OrderOutcomes.AllFinished(driver, ids), Deadline, "every order to be CONFIRMED or CANCELLED");
        await Eventually.Until(() => OrderOutcomes.StockConserved(driver, stock.Plenty, PlentyStock), Deadline, "the plenty product's stock to be conserved");
        await Eventually.Until(() => OrderOutcomes.StockConserved(driver, stock.Scarce, ScarceStock), Deadline, "the scarce product's stock to be conserved");
        OrderOutcomes.NoneChargedTwice(gateways, ids);

        var outcomes = new List<(Purchase Purchase, OrderStatus Status, CancellationReason Reason)>();
        foreach (var order in orders)
        {
            var view = (await driver.Grains.GetGrain<IOrderGrain>(order.OrderId).GetOrder())!;
            outcomes.Add((order.Purchase, view.Status, view.Reason));
        }

        Assert.All(outcomes.Where(o => o.Purchase is Purchase.Card or Purchase.CashOnDelivery), o => Assert.Equal(OrderStatus.Confirmed, o.Status));
        Assert.All(outcomes.Where(o => o.Purchase == Purchase.DeclinedCard), o => Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentDeclined), (o.Status, o.Reason)));
        var scarce = outcomes.Where(o => o.Purchase == Purchase.ScarceItem).ToList();
        Assert.Equal(Math.Min(ScarceStock, scarce.Count), (long)scarce.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.All(scarce.Where(o => o.Status != OrderStatus.Confirmed), o => Assert.Equal(CancellationReason.OutOfStock, o.Reason));
        Assert.Equal(Math.Min(ScarceStock, scarce.Count), (await driver.Level(stock.Scarce)).Committed);
    }

    /// <summary>What a buyer buys and how they pay.</summary>
    private enum Purchase
    {
        Card,
        CashOnDelivery,
        DeclinedCard,
        ScarceItem,
    }

    private sealed record Stock(string Plenty, string Scarce)
    {
        public static async Task<Stock> Create(ShopDriver driver) => new(await driver.Product(PlentyStock), await driver.Product(ScarceStock));
    }

    private sealed record Buyer(Guid UserId, Purchase Purchase, Guid OrderId);

    private sealed record PlacedOrder(Guid OrderId, Purchase Purchase);
}
