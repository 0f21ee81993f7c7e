using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>
/// Provider (Stripe webhook) events on the payment grain: each event id handled once, in any order, and racing the
/// synchronous charge; a payment taken for an order that can no longer complete is refunded.
/// </summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class PaymentWebhookTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    [Fact]
    public async Task An_order_awaiting_3D_Secure_is_confirmed_by_the_succeeded_event()
    {
        var (orderId, reference) = await OrderAwaitingAction();

        var changed = await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, reference));

        Assert.True(changed);
        var order = await Shop.Reaches(orderId, OrderStatus.Confirmed);
        Assert.Equal(PaymentStatus.Succeeded, order.Payment?.Status);
        Assert.Equal(reference, order.Payment?.ProviderReference);
        Assert.Null(order.Payment?.ClientSecret);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_handled_once()
    {
        var (orderId, reference) = await OrderAwaitingAction();
        var succeeded = Event(PaymentProviderEventKind.Succeeded, reference);

        var first = await Payment(orderId).HandleProviderEvent(succeeded);
        var again = await Payment(orderId).HandleProviderEvent(succeeded);

        Assert.True(first);
        Assert.False(again);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await ConfirmationSentOnce(orderId);
    }

    [Fact]
    public async Task A_failure_arriving_after_the_success_changes_nothing()
    {
        var (orderId, reference) = await OrderAwaitingAction();
        await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, reference));

        var late = await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Failed, reference, "card_declined"));

        Assert.False(late);
        Assert.Equal(OrderStatus.Confirmed, (await Shop.Reaches(orderId, OrderStatus.Confirmed)).Status);
        Assert.Equal(PaymentStatus.Succeeded, (await Payment(orderId).GetPayment())?.Status);
    }

    [Fact]
    public async Task A_failed_3D_Secure_cancels_the_order_and_releases_its_stock()
    {
        var (orderId, reference) = await OrderAwaitingAction();

        await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Failed, reference, "payment_intent_authentication_failure"));

        var order = await Shop.Reaches(orderId, OrderStatus.Cancelled);
        Assert.Equal(CancellationReason.PaymentDeclined, order.Reason);
        Assert.Equal("payment_intent_authentication_failure", order.Payment?.FailureReason);
        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
    }

    [Fact]
    public async Task A_payment_completed_after_the_customer_cancelled_is_refunded()
    {
        var (orderId, reference) = await OrderAwaitingAction();
        var userId = (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())!.UserId;
        await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);
        await Eventually.Until(async () => (await Payment(orderId).GetPayment())?.Status == PaymentStatus.Voided, because: "the payment is voided");
        fixture.Gateway.CompleteAction(orderId.ToString());

        var changed = await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, reference));

        Assert.True(changed);
        var payment = await Payment(orderId).GetPayment();
        Assert.Equal(PaymentStatus.Refunded, payment?.Status);
        Assert.Equal(payment?.Amount, payment?.Refunded);
        await Eventually.Until(
            async () => (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())?.Payment?.Status == PaymentStatus.Refunded,
            because: "the cancelled order records the refund");
    }

    [Fact]
    public async Task A_refund_made_in_the_providers_dashboard_is_recorded_on_the_order()
    {
        var (orderId, reference) = await OrderAwaitingAction();
        await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, reference));
        await Shop.Reaches(orderId, OrderStatus.Confirmed);

        var changed = await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Refunded, reference));

        Assert.True(changed);
        await Eventually.Until(
            async () => (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())?.Payment?.Status == PaymentStatus.Refunded,
            because: "the order records the refund");
    }

    [Fact]
    public async Task An_event_about_another_charge_is_ignored()
    {
        var (orderId, _) = await OrderAwaitingAction();

        var changed = await Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, "pi_someone_else"));

        Assert.False(changed);
        Assert.Equal(PaymentStatus.RequiresAction, (await Payment(orderId).GetPayment())?.Status);
    }

    [Fact]
    public async Task A_succeeded_event_racing_the_charge_call_waits_for_it_and_the_order_is_confirmed_once()
    {
        var (orderId, userId, sku) = await Prepared();
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var webhook = Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, $"pi_test_{orderId:N}"));
        gate.Open();

        Assert.False(await webhook);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await ConfirmationSentOnce(orderId);
        Assert.Equal(1, fixture.Gateway.ChargeCalls(orderId.ToString()));
        Assert.Equal(9, (await Shop.Level(sku)).OnHand);
    }

    [Fact]
    public async Task A_succeeded_event_finishes_a_charge_whose_answer_was_lost_without_charging_again()
    {
        var (orderId, userId, _) = await Prepared();
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var webhook = Payment(orderId).HandleProviderEvent(Event(PaymentProviderEventKind.Succeeded, $"pi_test_{orderId:N}"));
        gate.Lose();

        Assert.True(await webhook);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await ConfirmationSentOnce(orderId);
        Assert.Equal(1, fixture.Gateway.ChargeCalls(orderId.ToString()));
    }

    private IPaymentGrain Payment(Guid orderId) => fixture.Grains.GetGrain<IPaymentGrain>(orderId);

    private async Task<(Guid OrderId, Guid UserId, string Sku)> Prepared()
    {
        var sku = await Shop.Product(stock: 10, priceMinor: 3100);
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, sku, 1);
        return (Guid.NewGuid(), userId, sku);
    }

    private async Task<(Guid OrderId, string Reference)> OrderAwaitingAction()
    {
        var sku = await Shop.Product(stock: 10, priceMinor: 3100);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, 1, PaymentMethod.Card, "tok_threeDSecure2Required");
        var order = await Shop.Reaches(orderId, OrderStatus.AwaitingPaymentAction);
        Assert.False(string.IsNullOrEmpty(order.Payment?.ClientSecret));
        return (orderId, fixture.Gateway.ChargeFor(orderId.ToString())!.ProviderReference!);
    }

    private async Task ConfirmationSentOnce(Guid orderId)
    {
        var sent = await Eventually.Value(
            () => fixture.Grains.GetGrain<INotificationGrain>(orderId).GetSent(),
            s => s.Any(n => n.Template == "order-confirmed"),
            because: "the confirmation e-mail is sent");
        Assert.Single(sent, n => n.Template == "order-confirmed");
    }

    private static PaymentProviderEvent Event(PaymentProviderEventKind kind, string reference, string? failure = null) => new()
    {
        EventId = $"evt_{Guid.NewGuid():N}",
        Kind = kind,
        ProviderReference = reference,
        FailureReason = failure,
    };
}
