using Shop.Common;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

[Collection(StandardClusterDefinition.Name)]
public sealed class OrderGrainTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    private IOrderGrain Order(Guid id) => fixture.Grains.GetGrain<IOrderGrain>(id);

    [Fact]
    public async Task Placing_from_an_empty_cart_is_refused_by_business_rule()
    {
        var error = await Assert.ThrowsAsync<ShopException>(() => Shop.Place(Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal((ErrorKind.BusinessRule, "cart.empty"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task A_card_order_without_a_token_or_with_a_bad_address_is_a_validation_error()
    {
        var userId = Guid.NewGuid();
        await Shop.Fill(userId, await Shop.Product(stock: 5), 1);
        var command = new PlaceOrder
        {
            UserId = userId,
            CartId = userId.ToString(),
            PaymentMethod = PaymentMethod.Card,
            ShippingAddress = ShopDriver.Address(),
        };

        var noToken = await Assert.ThrowsAsync<ShopException>(() => Order(Guid.NewGuid()).Place(command));
        var badCountry = await Assert.ThrowsAsync<ShopException>(() => Order(Guid.NewGuid()).Place(
            command with { PaymentToken = "tok_visa", ShippingAddress = ShopDriver.Address() with { Country = "Germany" } }));

        Assert.Equal((ErrorKind.Validation, "paymentToken"), (noToken.Kind, noToken.Code));
        Assert.Equal((ErrorKind.Validation, "shippingAddress.country"), (badCountry.Kind, badCountry.Code));
        Assert.Single((await fixture.Grains.GetGrain<Shop.Carts.ICartGrain>(userId.ToString()).GetCart()).Lines);
    }

    [Fact]
    public async Task Placing_twice_returns_the_same_order_and_records_it_once()
    {
        var userId = Guid.NewGuid();
        await Shop.Fill(userId, await Shop.Product(stock: 5), 2);
        var orderId = Guid.NewGuid();

        var first = await Shop.Place(orderId, userId);
        var again = await Shop.Place(orderId, userId);

        Assert.Equal((first.OrderId, first.CreatedAt, first.Total), (again.OrderId, again.CreatedAt, again.Total));
        Assert.Equal(new OrderIdPage([orderId], 1), await fixture.Grains.GetGrain<IOrderHistoryGrain>(userId).List(1, 10), new OrderIdPageComparer());
    }

    [Fact]
    public async Task Another_customer_cannot_see_or_cancel_the_order()
    {
        var userId = Guid.NewGuid();
        var orderId = await Shop.Checkout(userId, await Shop.Product(stock: 5), method: PaymentMethod.Card, token: "tok_threeDSecure2Required");

        var error = await Assert.ThrowsAsync<ShopException>(() => Order(orderId).Cancel(Guid.NewGuid()));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.NotEqual(OrderStatus.Cancelled, (await Order(orderId).GetOrder())!.Status);
        await Order(orderId).Cancel(userId);
    }

    [Fact]
    public async Task A_confirmed_order_cannot_be_cancelled_and_a_cancelled_one_cancels_as_a_no_op()
    {
        var userId = Guid.NewGuid();
        var sku = await Shop.Product(stock: 5);
        var confirmed = await Shop.Checkout(userId, sku);
        await Shop.Reaches(confirmed, OrderStatus.Confirmed);
        var pending = await Shop.Checkout(userId, sku, method: PaymentMethod.Card, token: "tok_threeDSecure2Required");
        var cancelled = await Order(pending).Cancel(userId);

        var refused = await Assert.ThrowsAsync<ShopException>(() => Order(confirmed).Cancel(userId));
        var again = await Order(pending).Cancel(userId);

        Assert.Equal((ErrorKind.BusinessRule, "order.already_confirmed"), (refused.Kind, refused.Code));
        Assert.Equal((cancelled.Status, cancelled.Reason, cancelled.UpdatedAt), (again.Status, again.Reason, again.UpdatedAt));
    }

    [Fact]
    public async Task The_history_lists_a_customers_orders_in_pages()
    {
        var userId = Guid.NewGuid();
        var sku = await Shop.Product(stock: 10);
        var orders = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await Shop.Checkout(userId, sku));
        }

        var page = await fixture.Grains.GetGrain<IOrderHistoryGrain>(userId).List(1, 2);

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.OrderIds.Count);
        Assert.Subset(orders.ToHashSet(), page.OrderIds.ToHashSet());
        await Assert.ThrowsAsync<ShopException>(() => fixture.Grains.GetGrain<IOrderHistoryGrain>(userId).List(0, 2));
    }

    private sealed class OrderIdPageComparer : IEqualityComparer<OrderIdPage>
    {
        public bool Equals(OrderIdPage? x, OrderIdPage? y) => x!.Total == y!.Total && x.OrderIds.SequenceEqual(y.OrderIds);

        public int GetHashCode(OrderIdPage obj) => obj.Total;
    }
}
