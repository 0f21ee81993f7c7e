using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// A publisher that loses the OrderPlaced of chosen orders, as a broker outage would, so they get stuck; and the first
/// outcome (OrderConfirmed or OrderCancelled) of other chosen orders, as a silo crash on memory streams can.
/// </summary>
public sealed class LossySagaEventPublisher(
    StreamSagaEventPublisher inner, ConcurrentDictionary<Guid, bool> lostOrders, ConcurrentDictionary<Guid, bool> lostOutcomes) : ISagaEventPublisher
{
    /// <inheritdoc />
    public Task Publish(OrderEvent orderEvent) => orderEvent switch
    {
        OrderPlaced when lostOrders.ContainsKey(orderEvent.OrderId) => Task.CompletedTask,
        OrderConfirmed or OrderCancelled when lostOutcomes.TryRemove(orderEvent.OrderId, out _) => Task.CompletedTask,
        _ => inner.Publish(orderEvent),
    };

    /// <inheritdoc />
    public Task Publish(UserRegistered userEvent) => inner.Publish(userEvent);

    /// <inheritdoc />
    public Task Publish(ProductChanged productEvent) => inner.Publish(productEvent);
}
