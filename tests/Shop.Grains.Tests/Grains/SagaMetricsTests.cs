using Shop.Grains.Orders;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>
/// The saga's meter counts what happened to each order: placed, confirmed, cancelled by reason, reservations refused,
/// and one step-latency measurement per step reached.
/// </summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class SagaMetricsTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    [Fact]
    public async Task A_confirmed_card_order_counts_once_as_placed_and_confirmed_and_records_each_saga_step()
    {
        using var placed = Counters(SagaMetrics.Placed);
        using var confirmed = Counters(SagaMetrics.Confirmed);
        using var cancelled = Counters(SagaMetrics.Cancelled);
        using var steps = new SiloMetricCollectors<double>(fixture.Cluster, SagaMetrics.MeterName, SagaMetrics.StepDuration);
        var sku = await Shop.Product(stock: 5);
        var (userId, _) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 1, PaymentMethod.Card, "tok_visa");
        await Shop.Reaches(orderId, OrderStatus.Confirmed);

        var recorded = await Eventually.Value(
            () => Task.FromResult(steps.Measurements().Select(m => (string)m.Tags[SagaMetrics.StepTag]!).Order().ToList()),
            s => s.Count >= 3,
            because: "the confirmation's step was never recorded");
        Assert.Equal(["confirmed", "paid", "reserved"], recorded);
        Assert.All(steps.Measurements(), m => Assert.True(m.Value >= 0, $"step {m.Tags[SagaMetrics.StepTag]} took {m.Value} s"));
        Assert.Equal((1L, 1L, 0L), (placed.Sum(), confirmed.Sum(), cancelled.Sum()));
    }

    [Fact]
    public async Task An_order_larger_than_the_stock_counts_a_refused_reservation_and_a_cancellation_for_out_of_stock()
    {
        using var refused = Counters(SagaMetrics.ReservationsRefused);
        using var cancelled = Counters(SagaMetrics.Cancelled);
        using var confirmed = Counters(SagaMetrics.Confirmed);
        var sku = await Shop.Product(stock: 1);
        var (userId, _) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 2);
        await Shop.Reaches(orderId, OrderStatus.Cancelled);

        var reasons = await Eventually.Value(
            () => Task.FromResult(cancelled.Measurements().Where(m => m.Value > 0).Select(m => (string)m.Tags[SagaMetrics.ReasonTag]!).ToList()),
            r => r.Count > 0,
            because: "the cancellation was never counted");
        Assert.Equal([nameof(CancellationReason.OutOfStock)], reasons);
        Assert.Equal((1L, 0L), (refused.Sum(), confirmed.Sum()));
    }

    private SiloMetricCollectors<long> Counters(string instrument) => new(fixture.Cluster, SagaMetrics.MeterName, instrument);
}
