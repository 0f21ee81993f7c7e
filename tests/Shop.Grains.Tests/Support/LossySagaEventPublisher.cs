using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>A publisher that loses the OrderPlaced of chosen orders, as a broker outage would, so they get stuck.</summary>
public sealed class LossySagaEventPublisher(StreamSagaEventPublisher inner, ConcurrentDictionary<Guid, bool> lostOrders) : ISagaEventPublisher
{
    /// <inheritdoc />
    public Task Publish(OrderEvent orderEvent) =>
        orderEvent is OrderPlaced && lostOrders.ContainsKey(orderEvent.OrderId) ? Task.CompletedTask : inner.Publish(orderEvent);

    /// <inheritdoc />
    public Task Publish(UserRegistered userEvent) => inner.Publish(userEvent);

    /// <inheritdoc />
    public Task Publish(ProductChanged productEvent) => inner.Publish(productEvent);
}
