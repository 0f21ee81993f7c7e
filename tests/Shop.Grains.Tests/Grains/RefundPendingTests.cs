using Shop.Grains.Payments;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>
/// A refund the provider refuses: the payment is REFUND_PENDING (on the order too), the customer is told the refund is
/// on its way, and the refund reminder retries it with a doubling wait until the provider accepts it.
/// </summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class RefundPendingTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    [Fact]
    public async Task A_refused_refund_is_pending_and_retried_with_backoff_until_the_provider_accepts_it()
    {
        using var pending = Collectors(RefundMetrics.Pending);
        using var failed = Collectors(RefundMetrics.Failed);
        var (orderId, email) = await CancelledWhilePaid(refusals: 2);
        var refund = $"refund-{orderId}";

        var order = await Eventually.Value(() => Order(orderId), o => o.Payment?.Status == PaymentStatus.RefundPending, because: "the refused refund never showed as pending");
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.CancelledByCustomer), (order.Status, order.Reason));
        var told = await Eventually.Value(
            () => Task.FromResult(fixture.Emails.To(email).Where(m => m.Subject.Contains("cancelled", StringComparison.Ordinal)).ToList()),
            sent => sent.Count > 0,
            because: "the cancellation e-mail waited for the refund");
        Assert.Contains("Your refund of 19.99 EUR is on its way", Assert.Single(told).TextBody, StringComparison.Ordinal);
        Assert.Equal((1, 1L, 1L), (fixture.Payments.RefundCalls(refund), pending.Sum(), failed.Sum()));
        Assert.Contains(fixture.Logs.GetSnapshot(), r => r.Message.Contains($"Order {orderId}: the refund of 19.99 EUR was refused", StringComparison.Ordinal)
            && r.Message.Contains("attempt 1 failed, next try at", StringComparison.Ordinal));

        await Tick(orderId, after: TimeSpan.FromSeconds(30));
        Assert.Equal(1, fixture.Payments.RefundCalls(refund));

        await Tick(orderId, after: TimeSpan.FromSeconds(30));
        await Eventually.Until(() => Task.FromResult(fixture.Payments.RefundCalls(refund) == 2), because: "the due retry never called the provider");
        Assert.Equal(PaymentStatus.RefundPending, (await Payment(orderId).GetPayment())?.Status);

        await Tick(orderId, after: TimeSpan.FromMinutes(1));
        Assert.Equal(2, fixture.Payments.RefundCalls(refund));

        await Tick(orderId, after: TimeSpan.FromMinutes(1));
        var refunded = await Eventually.Value(() => Order(orderId), o => o.Payment?.Status == PaymentStatus.Refunded, because: "the accepted retry was never recorded on the order");
        Assert.Equal(new Shop.Common.Money(1999, "EUR"), refunded.Payment?.Refunded);
        Assert.Equal((3, 0L, 2L), (fixture.Payments.RefundCalls(refund), pending.Sum(), failed.Sum()));
        Assert.Single(fixture.Emails.To(email), m => m.Subject.Contains("cancelled", StringComparison.Ordinal));
        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
    }

    /// <summary>A card order whose charge is held at the provider, cancelled meanwhile; its refund is refused <paramref name="refusals"/> times.</summary>
    private async Task<(Guid OrderId, string Email)> CancelledWhilePaid(int refusals)
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, email) = await Shop.User();
        await Shop.Fill(userId, sku, 1);
        var orderId = Guid.NewGuid();
        fixture.Payments.RefuseRefunds($"refund-{orderId}", refusals);
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);
        gate.Open();
        return (orderId, email);
    }

    /// <summary>Moves the grains' clock on and delivers the refund reminder's tick, as Orleans does when it is due.</summary>
    private async Task Tick(Guid orderId, TimeSpan after)
    {
        fixture.Clock.Advance(after);
        var payment = fixture.Grains.GetGrain<IRemindable>(Payment(orderId).GetGrainId());
        await payment.ReceiveReminder(PaymentGrain.RefundReminder, default);
    }

    private IPaymentGrain Payment(Guid orderId) => fixture.Grains.GetGrain<IPaymentGrain>(orderId);

    private async Task<OrderView> Order(Guid orderId) => (await fixture.Grains.GetGrain<IOrderGrain>(orderId).GetOrder())!;

    private SiloMetricCollectors<long> Collectors(string instrument) => new(fixture.Cluster, RefundMetrics.MeterName, instrument);
}
