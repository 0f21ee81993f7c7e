using Shop.Common;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>What shop staff do to an order: cancel, refund per line or in full, resend the confirmation, mark cash paid.</summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class OrderAdminActionTests(ShopClusterFixture fixture)
{
    private static readonly Guid Admin = Guid.NewGuid();

    private ShopDriver Shop => fixture.Shop;

    private IOrderGrain Order(Guid orderId) => fixture.Grains.GetGrain<IOrderGrain>(orderId);

    [Fact]
    public async Task A_partial_refund_gives_back_one_line_once_restocks_it_and_shows_the_admin_on_the_timeline()
    {
        var lamp = await Shop.Product(stock: 10, priceMinor: 1500);
        var chair = await Shop.Product(stock: 10, priceMinor: 4000);
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, lamp, 2);
        var orderId = await Shop.Checkout(userId, chair, method: PaymentMethod.Card, token: "tok_visa");
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        var refund = new AdminRefund { RefundId = "line-1", AdminId = Admin, Lines = [new RefundLine { Sku = lamp, Quantity = 1 }], Restock = true };

        var first = await Order(orderId).Refund(refund);
        var retried = await Order(orderId).Refund(refund);

        Assert.Equal((PaymentStatus.PartiallyRefunded, (Money?)new Money(1500, "EUR")), (first.Payment?.Status, first.Payment?.Refunded));
        Assert.Equal(first.Payment, retried.Payment);
        Assert.Equal(1, fixture.Payments.RefundCalls($"refund-{orderId}-line-1"));
        await Eventually.Until(async () => (await Shop.Level(lamp)).OnHand == 9, because: "the refunded lamp never went back on hand");
        var entry = await Eventually.Value(
            async () => (await fixture.Grains.GetGrain<IOrderQueryGrain>(0).GetOrder(orderId))?.Timeline.FirstOrDefault(e => e.Kind == "order_refunded"),
            e => e is not null,
            because: "the refund never reached the timeline");
        Assert.Equal(Admin, entry!.By);
        Assert.Equal(OrderStatus.Confirmed, (await Order(orderId).GetOrder())!.Status);
    }

    [Fact]
    public async Task A_refund_of_more_than_was_paid_is_refused_and_a_full_refund_gives_back_the_rest()
    {
        var lamp = await Shop.Product(stock: 10, priceMinor: 1500);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, lamp, quantity: 2, method: PaymentMethod.Card, token: "tok_visa");
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Order(orderId).Refund(new AdminRefund { RefundId = "a", AdminId = Admin, Lines = [new RefundLine { Sku = lamp, Quantity = 1 }] });

        var tooMuch = await Assert.ThrowsAsync<ShopException>(() =>
            Order(orderId).Refund(new AdminRefund { RefundId = "b", AdminId = Admin, Lines = [new RefundLine { Sku = lamp, Quantity = 2 }] }));
        var rest = await Order(orderId).Refund(new AdminRefund { RefundId = "c", AdminId = Admin });
        var nothingLeft = await Assert.ThrowsAsync<ShopException>(() => Order(orderId).Refund(new AdminRefund { RefundId = "d", AdminId = Admin }));

        Assert.Equal((ErrorKind.BusinessRule, "refund.exceeds_paid"), (tooMuch.Kind, tooMuch.Code));
        Assert.Equal((PaymentStatus.Refunded, (Money?)new Money(3000, "EUR")), (rest.Payment?.Status, rest.Payment?.Refunded));
        Assert.Equal((ErrorKind.BusinessRule, "refund.exceeds_paid"), (nothingLeft.Kind, nothingLeft.Code));
        // The reservation commits on OrderConfirmed a step after the order is confirmed; no restock was asked.
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        Assert.Equal(8, (await Shop.Level(lamp)).OnHand);
    }

    [Fact]
    public async Task A_cash_on_delivery_order_is_marked_paid_once_and_cannot_be_refunded_through_the_provider()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);

        var paid = await Order(orderId).MarkPaid(Admin);
        var again = await Order(orderId).MarkPaid(Admin);
        var refund = await Assert.ThrowsAsync<ShopException>(() => Order(orderId).Refund(new AdminRefund { RefundId = "x", AdminId = Admin }));

        Assert.Equal((PaymentStatus.CashCollected, PaymentStatus.CashCollected), (paid.Payment?.Status, again.Payment?.Status));
        Assert.Equal("refund.not_card", refund.Code);
        await Eventually.Until(
            async () => (await fixture.ReadModel.Events(orderId)).Count(e => e is Shop.Orders.Events.CashCollected) == 1
                && (await fixture.ReadModel.Find(orderId))?.PaymentStatus == PaymentStatus.CashCollected,
            because: "the collected cash never reached the read model once");
    }

    [Fact]
    public async Task A_card_order_cannot_be_marked_paid_by_hand()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku, method: PaymentMethod.Card, token: "tok_visa");
        await Shop.Reaches(orderId, OrderStatus.Confirmed);

        var refused = await Assert.ThrowsAsync<ShopException>(() => Order(orderId).MarkPaid(Admin));

        Assert.Equal((ErrorKind.BusinessRule, "payment.not_cash_on_delivery"), (refused.Kind, refused.Code));
    }

    [Fact]
    public async Task The_confirmation_is_sent_again_once_per_request()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, email) = await Shop.User();
        var orderId = await Shop.Checkout(userId, sku);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Eventually.Until(() => Task.FromResult(Confirmations(email) == 1), because: "the first confirmation was never sent");

        await Order(orderId).ResendConfirmation(Admin, "resend-1");
        await Order(orderId).ResendConfirmation(Admin, "resend-1");

        await Eventually.Until(() => Task.FromResult(Confirmations(email) == 2), because: "the confirmation was never sent again");
        await Order(orderId).ResendConfirmation(Admin, "resend-2");
        await Eventually.Until(() => Task.FromResult(Confirmations(email) == 3), because: "a second request never sent it a third time");
    }

    [Fact]
    public async Task Staff_cancel_a_pending_order_as_a_customer_would_and_a_confirmed_one_is_refused()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, sku, 1);
        var pending = Guid.NewGuid();
        var gate = fixture.Payments.Hold(pending.ToString());
        await Shop.Place(pending, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var cancelled = await Order(pending).CancelByShop(Admin);
        gate.Open();
        var confirmed = await Shop.Checkout(userId, sku);
        await Shop.Reaches(confirmed, OrderStatus.Confirmed);

        var refused = await Assert.ThrowsAsync<ShopException>(() => Order(confirmed).CancelByShop(Admin));
        var resend = await Assert.ThrowsAsync<ShopException>(() => Order(pending).ResendConfirmation(Admin, "r"));

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.CancelledByShop), (cancelled.Status, cancelled.Reason));
        Assert.Equal((ErrorKind.Conflict, "order.final"), (refused.Kind, refused.Code));
        Assert.Equal((ErrorKind.Conflict, "order.not_confirmed"), (resend.Kind, resend.Code));
        await Shop.ReservationReaches(pending, ReservationStatus.Released);
        var payment = await Eventually.Value(
            () => fixture.Grains.GetGrain<IPaymentGrain>(pending).GetPayment(),
            p => p?.Status == PaymentStatus.Refunded,
            because: "the charge taken while the order was cancelled was never given back");
        Assert.Equal(new Money(1999, "EUR"), payment!.Refunded);
    }

    private int Confirmations(string email) =>
        fixture.Emails.To(email).Count(m => m.Subject.Contains("confirmed", StringComparison.OrdinalIgnoreCase));
}
