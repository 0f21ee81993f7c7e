using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>Publishes through the stream publisher and keeps every saga event, so a test can inspect what travelled.</summary>
public sealed class RecordingSagaEventPublisher(StreamSagaEventPublisher inner, ConcurrentQueue<OrderEvent> published) : ISagaEventPublisher
{
    /// <inheritdoc />
    public async Task Publish(OrderEvent orderEvent)
    {
        await inner.Publish(orderEvent);
        published.Enqueue(orderEvent);
    }

    /// <inheritdoc />
    public Task Publish(UserRegistered userEvent) => inner.Publish(userEvent);

    /// <inheritdoc />
    public Task Publish(ProductChanged productEvent) => inner.Publish(productEvent);
}
