namespace Shop.Orders.Events;

/// <summary>
/// An event of the order saga, published on stream (<c>saga</c>, <c>order</c>, order id). Delivery is at least once:
/// every participant remembers the <see cref="EventId"/>s it has handled.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderEvent")]
public abstract record OrderEvent
{
    /// <summary>Unique id of this event.</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>The order the event is about (also the stream key).</summary>
    [Id(1)] public required Guid OrderId { get; init; }

    /// <summary>When it happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }
}
