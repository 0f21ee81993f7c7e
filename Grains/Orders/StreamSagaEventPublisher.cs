using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Shop.Catalog;
using Shop.Common;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Orders;

/// <summary>The production publisher: Orleans streams of the <c>saga</c> provider (memory or Kafka by configuration).</summary>
public sealed class StreamSagaEventPublisher([FromKeyedServices(StreamNames.Provider)] IStreamProvider streams)
    : ISagaEventPublisher
{
    /// <inheritdoc />
    public async Task Publish(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var (span, traced) = SagaTracing.StartPublish(orderEvent);
        using (span)
        {
            // The Kafka provider copies the current (producer) span into the message's traceparent header.
            await streams.GetStream<OrderEvent>(StreamId.Create(StreamNames.OrderNamespace, orderEvent.OrderId))
                .OnNextAsync(traced);
        }
    }

    /// <inheritdoc />
    public Task Publish(UserRegistered userEvent)
    {
        ArgumentNullException.ThrowIfNull(userEvent);
        return streams.GetStream<UserRegistered>(StreamId.Create(StreamNames.UserNamespace, userEvent.UserId))
            .OnNextAsync(userEvent);
    }

    /// <inheritdoc />
    public Task Publish(ProductChanged productEvent)
    {
        ArgumentNullException.ThrowIfNull(productEvent);
        return streams.GetStream<ProductChanged>(StreamId.Create(StreamNames.CatalogNamespace, StreamNames.CatalogStreamKey))
            .OnNextAsync(productEvent);
    }
}
