using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Shop.Common;
using Shop.Integration.Tests.Fixtures;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;
using Shop.Payments;
using Shop.Silo.Storage.Postgres;

namespace Shop.Integration.Tests;

/// <summary>The PostgreSQL adapter of the order read model on a real server: idempotent recording, search, stuck orders, rebuild.</summary>
[Collection(ServersFixtures.Name)]
public sealed class PostgresOrderReadModelTests(PostgresServer postgres)
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<PostgresOrderReadModel> ReadModel(string purpose)
    {
        var database = await postgres.CreateDatabaseAsync(purpose);
        await new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        return new PostgresOrderReadModel(database, Serializer);
    }

    private static T At<T>(T orderEvent, Guid orderId, int seconds)
        where T : OrderEvent =>
        orderEvent with { EventId = Guid.CreateVersion7(Start.AddSeconds(seconds)), OrderId = orderId, OccurredAt = Start.AddSeconds(seconds) };

    private static List<OrderEvent> Order(Guid orderId, string email, string sku, long totalMinor, PaymentMethod method, int placedAt, bool confirmed)
    {
        var events = new List<OrderEvent>
        {
            At(new OrderPlaced
            {
                UserId = Guid.NewGuid(),
                Lines = [new OrderLine { Sku = sku, Name = sku, Quantity = 1, UnitPrice = new Money(totalMinor, "EUR") }],
                Total = new Money(totalMinor, "EUR"),
                PaymentMethod = method,
                Recipient = new OrderRecipient { Name = "Ada", Email = email },
            }, orderId, placedAt),
            At(new StockReserved(), orderId, placedAt + 1),
        };
        if (confirmed)
        {
            events.Add(At(new PaymentSucceeded { Amount = new Money(totalMinor, "EUR") }, orderId, placedAt + 2));
            events.Add(At(new OrderConfirmed { UserId = Guid.NewGuid() }, orderId, placedAt + 3));
        }

        return events;
    }

    [SkippableFact]
    public async Task Recording_an_event_twice_or_out_of_order_keeps_one_event_and_the_same_summary()
    {
        await using var readModel = await ReadModel("orders_idempotent");
        var orderId = Guid.NewGuid();
        var events = Order(orderId, "Ada@Example.com", "LAMP-1", 2500, PaymentMethod.Card, 0, confirmed: true);

        var first = new List<bool>();
        foreach (var e in Enumerable.Reverse(events))
        {
            first.Add(await readModel.Record(e));
        }

        var again = await Task.WhenAll(events.Select(e => readModel.Record(e)));
        var summary = await readModel.Find(orderId);

        Assert.All(first, Assert.True);
        Assert.All(again, Assert.False);
        Assert.Equal(events.Count, (await readModel.Events(orderId)).Count);
        Assert.Equal(
            (OrderStatus.Confirmed, PaymentStatus.Succeeded, "ada@example.com", 2500L, "order_confirmed"),
            (summary?.Status, summary?.PaymentStatus, summary?.CustomerEmail, summary?.Total.AmountMinor, summary?.LastStep));
        Assert.Equal(["LAMP-1"], summary!.Skus);
    }

    [SkippableFact]
    public async Task The_search_filters_sorts_pages_and_counts_per_status()
    {
        await using var readModel = await ReadModel("orders_search");
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var orders = new[]
        {
            Order(ids[0], "a@example.com", "LAMP-1", 1000, PaymentMethod.Card, 0, confirmed: true),
            Order(ids[1], "a@example.com", "CHAIR-1", 5000, PaymentMethod.CashOnDelivery, 10, confirmed: true),
            Order(ids[2], "b@example.com", "LAMP-1", 3000, PaymentMethod.Card, 20, confirmed: false),
            Order(ids[3], "b@example.com", "DESK-1", 9000, PaymentMethod.Card, 30, confirmed: true),
            Order(ids[4], "c@example.com", "LAMP-1", 200, PaymentMethod.CashOnDelivery, 40, confirmed: false),
            Order(ids[5], "c@example.com", "DESK-1", 7000, PaymentMethod.Card, 50, confirmed: true),
        };
        foreach (var e in orders.SelectMany(o => o))
        {
            await readModel.Record(e);
        }

        var lamps = await readModel.Search(new OrderSearch { Sku = "LAMP-1" });
        var confirmedCards = await readModel.Search(new OrderSearch { Status = OrderStatus.Confirmed, PaymentMethod = PaymentMethod.Card, Sort = OrderSort.TotalDescending });
        var window = await readModel.Search(new OrderSearch { PlacedFrom = Start.AddSeconds(10), PlacedTo = Start.AddSeconds(40), MinTotalMinor = 3000, Sort = OrderSort.Oldest });
        var byEmail = await readModel.Search(new OrderSearch { CustomerEmail = "b@example.com" });
        var secondPage = await readModel.Search(new OrderSearch { Page = 2, PageSize = 4 });

        Assert.Equal([ids[4], ids[2], ids[0]], lamps.Items.Select(o => o.OrderId));
        Assert.Equal((2, 1), (lamps.StatusCounts[OrderStatus.StockReserved], lamps.StatusCounts[OrderStatus.Confirmed]));
        Assert.Equal([ids[3], ids[5], ids[0]], confirmedCards.Items.Select(o => o.OrderId));
        Assert.Equal((3, 3, 1), (confirmedCards.Total, confirmedCards.StatusCounts[OrderStatus.Confirmed], confirmedCards.StatusCounts[OrderStatus.StockReserved]));
        Assert.Equal([ids[1], ids[2], ids[3]], window.Items.Select(o => o.OrderId));
        Assert.Equal([ids[3], ids[2]], byEmail.Items.Select(o => o.OrderId));
        Assert.Equal([ids[1], ids[0]], secondPage.Items.Select(o => o.OrderId));
        Assert.Equal(6, secondPage.Total);
    }

    [SkippableFact]
    public async Task Stuck_orders_are_the_open_ones_whose_last_step_is_older_than_the_threshold_and_a_rebuild_keeps_every_row()
    {
        await using var readModel = await ReadModel("orders_stuck");
        var open = Guid.NewGuid();
        var done = Guid.NewGuid();
        var recent = Guid.NewGuid();
        foreach (var e in Order(open, "a@example.com", "LAMP-1", 1000, PaymentMethod.Card, 0, confirmed: false)
            .Concat(Order(done, "a@example.com", "LAMP-1", 1000, PaymentMethod.Card, 0, confirmed: true))
            .Concat(Order(recent, "a@example.com", "LAMP-1", 1000, PaymentMethod.Card, 600, confirmed: false)))
        {
            await readModel.Record(e);
        }

        var before = await readModel.Search(new OrderSearch());
        var stuck = await readModel.Stuck(Start.AddMinutes(5), limit: 10);
        var rebuilt = await readModel.Rebuild();
        var after = await readModel.Search(new OrderSearch());

        Assert.Equal([open], stuck.Items.Select(o => o.OrderId));
        Assert.Equal(1, stuck.Counts[OrderStatus.StockReserved]);
        Assert.Equal(3, rebuilt);
        Assert.Equal(before.Items.Select(o => (o.OrderId, o.Status, o.LastStepAt)), after.Items.Select(o => (o.OrderId, o.Status, o.LastStepAt)));
    }
}
