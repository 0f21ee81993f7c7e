using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>The card token reaches the payment grain only: it is in no saga event (as the streams carry them) and in no log.</summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class PaymentTokenTests(ShopClusterFixture fixture)
{
    private const string Token = "tok_visa";

    private ShopDriver Shop => fixture.Shop;

    [Fact]
    public async Task No_saga_event_of_a_card_checkout_carries_the_token()
    {
        var confirmed = await ConfirmedCardCheckout();
        var refunded = await RefundedCardCheckout();

        var events = fixture.Published.Where(e => e.OrderId == confirmed || e.OrderId == refunded).ToList();
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<Serializer>();

        Assert.Superset(
            new HashSet<Type> { typeof(OrderPlaced), typeof(StockReserved), typeof(PaymentSucceeded), typeof(OrderConfirmed), typeof(OrderCancelled), typeof(PaymentRefunded) },
            events.Select(e => e.GetType()).ToHashSet());
        Assert.All(events, e =>
        {
            var bytes = serializer.SerializeToArray<OrderEvent>(e);
            Assert.DoesNotContain(Token, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_card_checkout_writes_the_token_to_no_log()
    {
        await ConfirmedCardCheckout();
        await RefundedCardCheckout();

        var records = fixture.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.DoesNotContain(records, r => $"{r.Message} {r.Exception}".Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void The_commands_that_carry_the_token_never_print_it()
    {
        var place = new PlaceOrder { UserId = Guid.NewGuid(), CartId = "c", PaymentMethod = PaymentMethod.Card, PaymentToken = Token, ShippingAddress = ShopDriver.Address() };
        var opening = new PaymentOpening { UserId = Guid.NewGuid(), Method = PaymentMethod.Card, Amount = new Shop.Common.Money(100, "EUR"), PaymentToken = Token };

        Assert.DoesNotContain(Token, place.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, opening.ToString(), StringComparison.Ordinal);
    }

    private async Task<Guid> ConfirmedCardCheckout()
    {
        var (userId, _) = await Shop.User();
        var orderId = await Shop.Checkout(userId, await Shop.Product(stock: 5), 1, PaymentMethod.Card, Token);
        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        return orderId;
    }

    private async Task<Guid> RefundedCardCheckout()
    {
        var (userId, _) = await Shop.User();
        await Shop.Fill(userId, await Shop.Product(stock: 5), 1);
        var orderId = Guid.NewGuid();
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, Token);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);
        gate.Open();
        await Eventually.Until(
            async () => (await fixture.Grains.GetGrain<IPaymentGrain>(orderId).GetPayment())?.Status == PaymentStatus.Refunded,
            because: "the cancelled paid order was never refunded");
        return orderId;
    }
}
