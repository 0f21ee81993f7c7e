using Microsoft.Extensions.DependencyInjection;
using Shop.Carts;
using Shop.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>
/// The order saga scenarios, written once and run on every cluster fixture: a subclass per fixture only names its
/// collection (memory streams, duplicate delivery here; PostgreSQL/Redis and Kafka fixtures later). Each scenario
/// uses its own products, users and orders, so they share a cluster safely.
/// </summary>
public abstract class OrderSagaScenarios(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    /// <summary>The order read model holds each step of a declined card order once, whatever the delivery does.</summary>
    [Fact]
    public async Task The_order_read_model_records_each_step_of_a_declined_order_once()
    {
        var sku = await Shop.Product(stock: 10);
        var (userId, email) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, method: PaymentMethod.Card, token: "tok_chargeDeclined");

        await Shop.Reaches(orderId, OrderStatus.Cancelled);
        var detail = (await Eventually.Value(
            () => fixture.Grains.GetGrain<IOrderQueryGrain>(0).GetOrder(orderId),
            d => d is { Summary.Status: OrderStatus.Cancelled } && d.Timeline.Any(e => e.Kind == "payment_voided"),
            because: "the cancelled order and the payment's answer never reached the read model"))!;
        Assert.Equal(
            (CancellationReason.PaymentDeclined, PaymentStatus.Failed, email.ToLowerInvariant()),
            (detail.Summary.Reason, detail.Summary.PaymentStatus, detail.Summary.CustomerEmail));
        Assert.Equal(
            ["order_cancelled", "order_placed", "payment_failed", "payment_voided", "stock_reserved"],
            detail.Timeline.Where(e => e.Kind != "email_sent").Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    /// <summary>Cash on delivery: CONFIRMED, the unit is sold, the confirmation e-mail goes out once.</summary>
    [Fact]
    public async Task Cash_on_delivery_order_is_confirmed_and_stock_committed()
    {
        var sku = await Shop.Product(stock: 10);
        var (userId, email) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 2);

        var order = await Shop.Reaches(orderId, OrderStatus.Confirmed);
        Assert.Equal(PaymentStatus.CashOnDeliveryAccepted, order.Payment?.Status);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        var level = await Shop.Level(sku);
        Assert.Equal((8, 0, 2), (level.OnHand, level.Reserved, level.Committed));
        var sent = await SentOnce(orderId, "order-confirmed");
        Assert.Equal(email, sent.To);
        Assert.Single(fixture.Emails.To(email), m => m.Subject.Contains("confirmed", StringComparison.Ordinal));
    }

    /// <summary>
    /// A waiting order has its deadline and its reservation's hold as reminders; once it is finished (here cancelled
    /// by the customer) neither is left behind.
    /// </summary>
    [Fact]
    public async Task A_finished_order_leaves_no_reminders()
    {
        var sku = await Shop.Product(stock: 3);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, quantity: 1, PaymentMethod.Card, "tok_threeDSecure2Required");
        await Shop.Reaches(orderId, OrderStatus.AwaitingPaymentAction);
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        GrainId[] grains = [fixture.Grains.GetGrain<IOrderGrain>(orderId).GetGrainId(), fixture.Grains.GetGrain<IStockReservationGrain>(orderId).GetGrainId()];
        foreach (var grainId in grains)
        {
            Assert.Single((await reminders.ReadRows(grainId)).Reminders);
        }

        await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);

        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
        foreach (var grainId in grains)
        {
            await Eventually.Until(async () => (await reminders.ReadRows(grainId)).Reminders.Count == 0, because: $"{grainId} kept a reminder");
        }
    }

    /// <summary>A good card is charged once, the order is CONFIRMED and the cart is empty.</summary>
    [Fact]
    public async Task Card_order_is_charged_once_and_confirmed()
    {
        var sku = await Shop.Product(stock: 5, priceMinor: 2500);
        var (userId, _) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 1, PaymentMethod.Card, "tok_visa");

        var order = await Shop.Reaches(orderId, OrderStatus.Confirmed);
        Assert.Equal(PaymentStatus.Succeeded, order.Payment?.Status);
        Assert.Equal(new Money(2500, "EUR"), order.Payment?.Amount);
        Assert.Equal(1, fixture.Gateway.ChargeCalls(orderId.ToString()));
        var payment = await fixture.Grains.GetGrain<IPaymentGrain>(orderId).GetPayment();
        Assert.Equal(PaymentStatus.Succeeded, payment?.Status);
        Assert.Empty((await fixture.Grains.GetGrain<ICartGrain>(userId.ToString()).GetCart()).Lines);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        Assert.Equal(4, (await Shop.Level(sku)).OnHand);
    }

    /// <summary>More units than in stock: CANCELLED(OutOfStock), nothing held, nothing charged.</summary>
    [Fact]
    public async Task Order_beyond_stock_is_cancelled_as_out_of_stock()
    {
        var plenty = await Shop.Product(stock: 10);
        var scarce = await Shop.Product(stock: 1);
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, plenty, 1);

        var orderId = await Shop.Checkout(userId, scarce, quantity: 2, PaymentMethod.Card, "tok_visa");

        var order = await Shop.Reaches(orderId, OrderStatus.Cancelled);
        Assert.Equal(CancellationReason.OutOfStock, order.Reason);
        await Shop.ReservationReaches(orderId, ReservationStatus.Failed);
        Assert.Equal((10, 0), ((await Shop.Level(plenty)).OnHand, (await Shop.Level(plenty)).Reserved));
        Assert.Equal((1, 0), ((await Shop.Level(scarce)).OnHand, (await Shop.Level(scarce)).Reserved));
        Assert.Equal(0, fixture.Gateway.ChargeCalls(orderId.ToString()));
        Assert.Equal(EmailTemplates.OrderCancelled, (await SentOnce(orderId, EmailTemplates.OrderCancelled)).Template);
    }

    /// <summary>A declined card: CANCELLED(PaymentDeclined) and the held stock is back.</summary>
    [Fact]
    public async Task Declined_card_cancels_the_order_and_restores_stock()
    {
        var sku = await Shop.Product(stock: 3);
        var (userId, _) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 2, PaymentMethod.Card, "tok_chargeDeclined");

        var order = await Shop.Reaches(orderId, OrderStatus.Cancelled);
        Assert.Equal(CancellationReason.PaymentDeclined, order.Reason);
        Assert.Equal("card_declined", order.Payment?.FailureReason);
        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
        var level = await Shop.Level(sku);
        Assert.Equal((3, 0, 0), (level.OnHand, level.Reserved, level.Committed));
    }

    /// <summary>3-D Secure keeps the order waiting; the customer cancels: CANCELLED(CancelledByCustomer), stock back, payment voided.</summary>
    [Fact]
    public async Task Customer_cancel_while_payment_waits_restores_stock()
    {
        var sku = await Shop.Product(stock: 4);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, quantity: 3, PaymentMethod.Card, "tok_threeDSecure2Required");
        var waiting = await Shop.Reaches(orderId, OrderStatus.AwaitingPaymentAction);
        Assert.False(string.IsNullOrEmpty(waiting.Payment?.ClientSecret));
        Assert.Equal(1, (await Shop.Level(sku)).Available);

        var cancelled = await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.CancelledByCustomer), (cancelled.Status, cancelled.Reason));
        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
        Assert.Equal((4, 0), ((await Shop.Level(sku)).OnHand, (await Shop.Level(sku)).Reserved));
        await Eventually.Until(
            async () => (await fixture.Grains.GetGrain<IPaymentGrain>(orderId).GetPayment())?.Status == PaymentStatus.Voided,
            because: "the waiting payment was never voided");
    }

    /// <summary>A broker replays an old OrderPlaced (new event id) after confirmation: nothing changes.</summary>
    [Fact]
    public async Task Replayed_order_placed_after_confirmation_changes_nothing()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, quantity: 2, PaymentMethod.Card, "tok_visa");
        var confirmed = await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);

        await fixture.Publisher.Publish(new OrderPlaced
        {
            EventId = Guid.NewGuid(),
            OrderId = orderId,
            OccurredAt = confirmed.CreatedAt,
            UserId = userId,
            Lines = confirmed.Lines,
            Total = confirmed.Total,
            PaymentMethod = PaymentMethod.Card,
        });
        // A marker behind the replay on the same stream: once the order grain shows it, the replay was delivered.
        await fixture.Publisher.Publish(new PaymentRefunded { EventId = Guid.NewGuid(), OrderId = orderId, OccurredAt = confirmed.CreatedAt, Amount = new Money(1, "EUR") });
        var after = await Eventually.Value(
            async () => (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())!,
            o => o.Payment?.Refunded is not null,
            because: "the marker event never reached the order");

        Assert.Equal(OrderStatus.Confirmed, after.Status);
        Assert.Equal(ReservationStatus.Committed, await fixture.Grains.GetGrain<IStockReservationGrain>(orderId).GetStatus());
        var level = await Shop.Level(sku);
        Assert.Equal((3, 0, 2), (level.OnHand, level.Reserved, level.Committed));
        Assert.Equal(1, fixture.Gateway.ChargeCalls(orderId.ToString()));
    }

    /// <summary>
    /// The reservation's commit reached the stock item, then its silo died before the reservation recorded it; the
    /// redelivered confirmation commits again: the stock item holds nothing for the order any more, and the sale is
    /// counted once.
    /// </summary>
    [Fact]
    public async Task A_commit_retried_after_the_stock_item_committed_counts_the_sale_once()
    {
        var sku = await Shop.Product(stock: 10);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, quantity: 3, PaymentMethod.Card, "tok_threeDSecure2Required");
        await Shop.Reaches(orderId, OrderStatus.AwaitingPaymentAction);
        Assert.True(await fixture.Grains.GetGrain<IStockItemGrain>(sku).Commit(orderId));

        var reference = fixture.Gateway.ChargeFor(orderId.ToString())!.ProviderReference!;
        await fixture.Grains.GetGrain<IPaymentGrain>(orderId).HandleProviderEvent(new PaymentProviderEvent
        {
            EventId = $"evt_{Guid.NewGuid():N}",
            Kind = PaymentProviderEventKind.Succeeded,
            ProviderReference = reference,
        });

        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        var level = await Shop.Level(sku);
        Assert.Equal((7, 0, 3), (level.OnHand, level.Reserved, level.Committed));
    }

    /// <summary>50 buyers race for 5 units: exactly 5 CONFIRMED, 45 CANCELLED(OutOfStock), stock conserved and never negative.</summary>
    [Fact]
    public async Task Flash_sale_sells_exactly_the_units_in_stock()
    {
        const int buyers = 50, units = 5;
        var sku = await Shop.Product(stock: units);
        var userIds = Enumerable.Range(0, buyers).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(userIds.Select(u => Shop.Fill(u, sku, 1)));

        var orderIds = await Task.WhenAll(userIds.Select(async u =>
        {
            var orderId = Guid.NewGuid();
            await Shop.Place(orderId, u);
            return orderId;
        }));

        var orders = await Eventually.Value(
            async () => await Task.WhenAll(orderIds.Select(id => fixture.Grains.GetGrain<IOrderGrain>(id).GetOrder())),
            all => all.All(o => o!.Status is OrderStatus.Confirmed or OrderStatus.Cancelled),
            TimeSpan.FromSeconds(60),
            "some flash-sale orders never reached a terminal state");
        Assert.Equal(units, orders.Count(o => o!.Status == OrderStatus.Confirmed));
        Assert.Equal(buyers - units, orders.Count(o => o!.Status == OrderStatus.Cancelled && o.Reason == CancellationReason.OutOfStock));
        await Eventually.Until(async () => (await Shop.Level(sku)).Committed == units, because: "the sold units were never committed");
        var level = await Shop.Level(sku);
        Assert.Equal((0L, 0L), (level.OnHand, level.Reserved));
        Assert.Equal(units, level.OnHand + level.Committed);
    }

    /// <summary>Customers cancel card orders right after placing them, racing the charge: no money stays taken, no stock stays held.</summary>
    [Fact]
    public async Task A_cancel_racing_the_card_charge_never_keeps_money_or_stock()
    {
        const int orders = 5;
        var sku = await Shop.Product(stock: orders);
        var userIds = Enumerable.Range(0, orders).Select(_ => Guid.NewGuid()).ToList();

        var outcomes = await Task.WhenAll(userIds.Select(async userId =>
        {
            var orderId = await Shop.Checkout(userId, sku, 1, PaymentMethod.Card, "tok_visa");
            try
            {
                await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);
            }
            catch (ShopException error) when (error.Code == "order.already_confirmed")
            {
            }

            return orderId;
        }));

        foreach (var orderId in outcomes)
        {
            var order = await Eventually.Value(
                async () => (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())!,
                o => o.Status is OrderStatus.Confirmed or OrderStatus.Cancelled,
                because: $"order {orderId} never ended");
            HashSet<PaymentStatus> settled = order.Status == OrderStatus.Confirmed
                ? [PaymentStatus.Succeeded]
                : [PaymentStatus.Voided, PaymentStatus.Refunded];
            await Eventually.Until(
                async () => settled.Contains((await fixture.Grains.GetGrain<IPaymentGrain>(orderId).GetPayment())?.Status ?? PaymentStatus.NotStarted),
                because: $"the payment of {order.Status} order {orderId} was left taken or open");
            await Shop.ReservationReaches(orderId, order.Status == OrderStatus.Confirmed ? ReservationStatus.Committed : ReservationStatus.Released);
            Assert.True(fixture.Gateway.ChargeCalls(orderId.ToString()) <= 1);
        }

        var level = await Shop.Level(sku);
        Assert.Equal((0L, (long)orders), (level.Reserved, level.OnHand + level.Committed));
    }

    private async Task<SentNotification> SentOnce(Guid key, string template)
    {
        var sent = await Eventually.Value(
            () => fixture.Grains.GetGrain<INotificationGrain>(key).GetSent(),
            s => s.Any(n => n.Template == template),
            because: $"no {template} e-mail was sent");
        return Assert.Single(sent, n => n.Template == template);
    }
}
