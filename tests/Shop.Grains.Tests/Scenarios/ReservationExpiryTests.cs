using Shop.Grains.Tests.Cluster;
using Shop.Inventory;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The timing scenarios, on a cluster whose holds last 2 seconds and deadlines 8.</summary>
[Collection(ShortHoldClusterDefinition.Name)]
public sealed class ReservationExpiryTests(ShortHoldClusterFixture fixture) : ReservationExpiryScenarios(fixture)
{
    [Fact]
    public async Task An_order_stuck_because_its_order_placed_was_lost_is_cancelled_at_its_deadline()
    {
        var sku = await fixture.Shop.Product(stock: 3);
        var userId = Guid.NewGuid();
        await fixture.Shop.Fill(userId, sku, 1);
        var orderId = Guid.NewGuid();
        fixture.LostOrders[orderId] = true;

        var placed = await fixture.Shop.Place(orderId, userId);

        Assert.Equal(OrderStatus.Pending, placed.Status);
        var order = await fixture.Shop.Reaches(orderId, OrderStatus.Cancelled);
        Assert.Equal(CancellationReason.TimedOut, order.Reason);
        await fixture.Shop.ReservationReaches(orderId, ReservationStatus.Released);
        Assert.Equal(3, (await fixture.Shop.Level(sku)).Available);
    }

    [Theory]
    [InlineData(PaymentMethod.CashOnDelivery, null, OrderStatus.Confirmed, ReservationStatus.Committed, 2, 1)]
    [InlineData(PaymentMethod.Card, "tok_chargeDeclined", OrderStatus.Cancelled, ReservationStatus.Released, 3, 0)]
    public async Task A_reservation_that_missed_the_orders_outcome_settles_when_its_hold_runs_out(
        PaymentMethod method, string? token, OrderStatus outcome, ReservationStatus settled, long onHand, long committed)
    {
        var sku = await fixture.Shop.Product(stock: 3);
        var userId = Guid.NewGuid();
        await fixture.Shop.Fill(userId, sku, 1);
        var orderId = Guid.NewGuid();
        fixture.LostOutcomes[orderId] = true;

        await fixture.Shop.Place(orderId, userId, method, token);

        await fixture.Shop.Reaches(orderId, outcome);
        await fixture.Shop.ReservationReaches(orderId, settled);
        var level = await fixture.Shop.Level(sku);
        Assert.Equal((onHand, 0, committed), (level.OnHand, level.Reserved, level.Committed));
        Assert.False(fixture.LostOutcomes.ContainsKey(orderId), "the first outcome was not the one lost");
    }
}
