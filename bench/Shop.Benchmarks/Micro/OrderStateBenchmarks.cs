using BenchmarkDotNet.Attributes;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Benchmarks.Micro;

/// <summary>The order's state transitions on the happy path: PENDING, stock reserved, payment succeeded, CONFIRMED.</summary>
[MemoryDiagnoser]
public class OrderStateBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly Guid orderId = Guid.NewGuid();

    /// <summary>Applies StockReserved then PaymentSucceeded to a pending order.</summary>
    [Benchmark]
    public OrderEvent? PendingToConfirmed()
    {
        var order = new OrderState
        {
            Placed = true,
            OrderId = orderId,
            Status = OrderStatus.Pending,
            Total = new Money(3_998, "EUR"),
            PaymentMethod = PaymentMethod.Card,
            Lines = [new OrderLine { Sku = "SKU-1", Name = "Product", Quantity = 2, UnitPrice = new Money(1_999, "EUR") }],
        };
        OrderStateMachine.Apply(order, new StockReserved { EventId = Guid.NewGuid(), OrderId = orderId, OccurredAt = Now }, Now);
        return OrderStateMachine.Apply(order, new PaymentSucceeded { EventId = Guid.NewGuid(), OrderId = orderId, OccurredAt = Now, Amount = order.Total }, Now);
    }
}
