using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The hold-expiry scenario; it needs a fixture whose stock holds last seconds, not minutes.</summary>
public abstract class ReservationExpiryScenarios(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    /// <summary>The hold runs out while the payment waits: CANCELLED(ReservationExpired), stock back. Needs a short hold.</summary>
    [Fact]
    public async Task Expired_reservation_cancels_the_order_and_restores_stock()
    {
        var sku = await Shop.Product(stock: 2);
        var (userId, _) = await Shop.User();

        var orderId = await Shop.Checkout(userId, sku, quantity: 2, PaymentMethod.Card, "tok_threeDSecure2Required");

        var order = await Shop.Reaches(orderId, OrderStatus.Cancelled);
        Assert.Equal(CancellationReason.ReservationExpired, order.Reason);
        await Shop.ReservationReaches(orderId, ReservationStatus.Released);
        var level = await Shop.Level(sku);
        Assert.Equal((2, 0, 0), (level.OnHand, level.Reserved, level.Committed));
    }
}
