using Microsoft.Extensions.DependencyInjection;
using Shop.Common;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>
/// The order read model kept from the saga events: what shop staff list and search, an order's timeline, duplicate
/// and replayed events, the rebuild and the stuck orders.
/// </summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class OrderReadModelTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    private IOrderQueryGrain Query => fixture.Grains.GetGrain<IOrderQueryGrain>(0);

    [Fact]
    public async Task A_confirmed_order_is_found_by_its_customers_email_with_every_saga_step_and_email_on_its_timeline()
    {
        var sku = await Shop.Product(stock: 5, priceMinor: 1500);
        var (userId, email) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, quantity: 2);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);

        var detail = (await Eventually.Value(
            () => Query.GetOrder(orderId),
            d => d is { Summary.Status: OrderStatus.Confirmed } && d.Timeline.Any(e => e.Kind == "email_sent"),
            because: "the confirmed order and its e-mail never reached the read model"))!;
        var found = await Query.Search(new OrderSearch { CustomerEmail = email.ToUpperInvariant() });

        Assert.Equal(orderId, Assert.Single(found.Items).OrderId);
        Assert.Equal((userId, 3000L, PaymentMethod.CashOnDelivery, PaymentStatus.CashOnDeliveryAccepted), (detail.Summary.UserId, detail.Summary.Total.AmountMinor, detail.Summary.PaymentMethod, detail.Summary.PaymentStatus));
        Assert.Equal(
            ["email_sent", "order_confirmed", "order_placed", "payment_succeeded", "stock_reserved"],
            detail.Timeline.Select(e => e.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.Zero, detail.Timeline[0].SincePrevious);
        Assert.All(detail.Timeline, e => Assert.True(e.SincePrevious >= TimeSpan.Zero));
    }

    [Fact]
    public async Task Duplicate_and_replayed_events_leave_the_same_row_and_timeline()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        var before = (await Eventually.Value(() => Query.GetOrder(orderId), d => d?.Summary.Status == OrderStatus.Confirmed, because: "the order never reached the read model"))!;
        var events = await fixture.ReadModel.Events(orderId);

        var again = await Task.WhenAll(events.Select(e => fixture.Grains.GetGrain<IOrderProjectionGrain>(orderId).Record(e)));
        foreach (var replayed in events)
        {
            // As a broker replaying the stream would: every participant gets the events once more.
            await fixture.Publisher.Publish(replayed);
        }

        var after = (await Eventually.Value(
            () => Query.GetOrder(orderId),
            d => d is not null,
            because: "the order vanished from the read model"))!;
        Assert.All(again, Assert.False);
        Assert.Equal(Comparable(before.Summary), Comparable(after.Summary));
        Assert.Equal(before.Timeline.Select(e => e.EventId), after.Timeline.Select(e => e.EventId));
        Assert.Equal(OrderStatus.Confirmed, (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())!.Status);
    }

    [Fact]
    public async Task A_rebuild_folds_the_same_rows_again_from_the_recorded_events()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, email) = await Shop.User();
        var confirmed = await Shop.Checkout(userId, sku);
        var declined = await Shop.Checkout(userId, sku, method: PaymentMethod.Card, token: "tok_chargeDeclined");
        await Shop.Reaches(confirmed, OrderStatus.Confirmed);
        await Shop.Reaches(declined, OrderStatus.Cancelled);
        var search = new OrderSearch { CustomerEmail = email };
        // Events still arrive after both orders are final (the e-mails, the last steps): the rows are compared once two
        // reads in a row agree, so the rebuild is measured against settled rows, not against one still catching up.
        var before = await Eventually.Value(
            async () => (First: await Query.Search(search), Second: await Query.Search(search)),
            p => p.First.Total == 2 && p.First.Items.All(o => o.Status is OrderStatus.Confirmed or OrderStatus.Cancelled)
                && p.First.Items.Any(o => o.PaymentStatus == PaymentStatus.Failed)
                && p.First.Items.Select(Comparable).SequenceEqual(p.Second.Items.Select(Comparable)),
            because: "both orders never settled in the read model");

        var rebuilt = await Query.Rebuild();
        var after = await Query.Search(search);

        Assert.True(rebuilt >= 2);
        Assert.Equal(before.Second.Items.Select(Comparable), after.Items.Select(Comparable));
        Assert.Equal(before.Second.StatusCounts, after.StatusCounts);
    }

    [Fact]
    public async Task The_list_filters_by_status_sku_payment_method_and_total_and_counts_per_status()
    {
        var cheap = await Shop.Product(stock: 10, priceMinor: 500);
        var dear = await Shop.Product(stock: 10, priceMinor: 90_000);
        var (userId, email) = await Shop.User();
        // The clock moves between the orders, so "oldest first" has one answer.
        var first = await Shop.Checkout(userId, cheap);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Shop.Checkout(userId, dear, method: PaymentMethod.Card, token: "tok_visa");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await Shop.Checkout(userId, cheap, method: PaymentMethod.Card, token: "tok_chargeDeclined");
        await Shop.Reaches(third, OrderStatus.Cancelled);
        await Eventually.Until(
            async () => (await Query.Search(new OrderSearch { CustomerEmail = email })).StatusCounts.GetValueOrDefault(OrderStatus.Confirmed) == 2,
            because: "the confirmed orders never reached the read model");

        var bySku = await Query.Search(new OrderSearch { CustomerEmail = email, Sku = dear });
        var byCard = await Query.Search(new OrderSearch { CustomerEmail = email, PaymentMethod = PaymentMethod.Card, Status = OrderStatus.Confirmed });
        var byTotal = await Query.Search(new OrderSearch { UserId = userId, MinTotalMinor = 100, MaxTotalMinor = 1000, Sort = OrderSort.Oldest });
        var cancelled = await Query.Search(new OrderSearch { UserId = userId, Status = OrderStatus.Cancelled });
        var paged = await Query.Search(new OrderSearch { UserId = userId, Sort = OrderSort.TotalDescending, PageSize = 1, Page = 1 });

        Assert.Equal([second], bySku.Items.Select(o => o.OrderId));
        Assert.Equal([second], byCard.Items.Select(o => o.OrderId));
        Assert.Equal([first, third], byTotal.Items.Select(o => o.OrderId));
        Assert.Equal([third], cancelled.Items.Select(o => o.OrderId));
        Assert.Equal((1, 2, 1), (cancelled.Total, cancelled.StatusCounts[OrderStatus.Confirmed], cancelled.StatusCounts[OrderStatus.Cancelled]));
        Assert.Equal([second], paged.Items.Select(o => o.OrderId));
        Assert.Equal(3, paged.Total);
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(1, 101, "pageSize")]
    [InlineData(1000, 100, "page")]
    public async Task A_bad_page_is_refused_naming_the_field(int page, int pageSize, string field)
    {
        var refused = await Assert.ThrowsAsync<ShopException>(() => Query.Search(new OrderSearch { Page = page, PageSize = pageSize }));

        Assert.Equal((ErrorKind.Validation, field), (refused.Kind, refused.Code));
    }

    [Fact]
    public async Task An_order_waiting_for_its_payment_longer_than_the_threshold_is_stuck_and_counted()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, sku, 1);
        var orderId = Guid.NewGuid();
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Until(
            async () => (await fixture.ReadModel.Find(orderId))?.Status == OrderStatus.StockReserved,
            because: "the reserved order never reached the read model");
        try
        {
            var fresh = await Query.Stuck(TimeSpan.FromMinutes(1), limit: 200);
            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
            var stuck = await Query.Stuck(TimeSpan.FromMinutes(1), limit: 200);
            var counted = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<StuckOrderMonitor>().MeasureAsync();

            Assert.DoesNotContain(fresh.Items, o => o.OrderId == orderId);
            Assert.Contains(stuck.Items, o => o.OrderId == orderId && o.Status == OrderStatus.StockReserved);
            Assert.True(stuck.Counts[OrderStatus.StockReserved] >= 1);
            Assert.True(counted >= 1);
        }
        finally
        {
            gate.Open();
        }
    }

    /// <summary>A summary that compares by value (its SKU list is a list).</summary>
    private static (OrderSummary Row, string Skus) Comparable(OrderSummary summary) =>
        (summary with { Skus = Array.Empty<string>() }, string.Join(",", summary.Skus));
}
