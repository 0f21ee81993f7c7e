using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Common;
using Shop.Orders.Admin;
using Shop.Orders.Events;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// Keeps the order read model (key = order id): an implicit subscriber of the order stream that hands every event to
/// <see cref="IOrderReadModel.Record"/>. It keeps no state of its own: the read model's key (order id, event id)
/// makes a duplicate delivery or a replayed stream a no-op, so no handled-id set has to be written per event. A
/// failing write throws, so the stream provider delivers the event again.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class OrderProjectionGrain(IOrderReadModel readModel)
    : Grain, IOrderProjectionGrain, IStreamSubscriptionObserver, IAsyncObserver<OrderEvent>
{
    /// <inheritdoc />
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<OrderEvent>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public Task OnNextAsync(OrderEvent item, StreamSequenceToken? token = null) => Record(item);

    /// <inheritdoc />
    public Task<bool> Record(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return orderEvent.OrderId == this.GetPrimaryKey()
            ? readModel.Record(orderEvent)
            : throw ShopException.Validation("orderId", "The event belongs to another order.");
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
