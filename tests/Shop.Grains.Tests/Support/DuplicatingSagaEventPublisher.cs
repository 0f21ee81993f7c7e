using Shop.Catalog;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>Publishes every event twice (same event id), as an at-least-once transport may deliver it.</summary>
public sealed class DuplicatingSagaEventPublisher(StreamSagaEventPublisher inner) : ISagaEventPublisher
{
    /// <inheritdoc />
    public async Task Publish(OrderEvent orderEvent)
    {
        await inner.Publish(orderEvent);
        await inner.Publish(orderEvent);
    }

    /// <inheritdoc />
    public async Task Publish(UserRegistered userEvent)
    {
        await inner.Publish(userEvent);
        await inner.Publish(userEvent);
    }

    /// <inheritdoc />
    public async Task Publish(ProductChanged productEvent)
    {
        await inner.Publish(productEvent);
        await inner.Publish(productEvent);
    }
}
