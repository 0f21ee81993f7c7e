using Shop.Common;
using Shop.Grains.Orders;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Support;

/// <summary>Builds order states for the state machine tests.</summary>
public sealed class OrderStateBuilder
{
    private OrderStatus status = OrderStatus.Pending;
    private PaymentMethod method = PaymentMethod.Card;

    /// <summary>In this status.</summary>
    public OrderStateBuilder In(OrderStatus value)
    {
        status = value;
        return this;
    }

    /// <summary>Paid this way.</summary>
    public OrderStateBuilder PaidBy(PaymentMethod value)
    {
        method = value;
        return this;
    }

    /// <summary>The state.</summary>
    public OrderState Build() => new()
    {
        Placed = true,
        OrderId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Status = status,
        Lines = [new OrderLine { Sku = "SKU-1", Name = "Thing", Quantity = 2, UnitPrice = new Money(1000, "EUR") }],
        Total = new Money(2000, "EUR"),
        PaymentMethod = method,
        ShippingAddress = ShopDriver.Address(),
        Recipient = new OrderRecipient { Name = "Ada Lovelace", Email = "ada@example.com" },
    };
}
