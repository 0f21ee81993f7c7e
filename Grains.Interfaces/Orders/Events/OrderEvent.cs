namespace Shop.Orders.Events;

/// <summary>
/// An event of the order saga, published on stream (<c>saga</c>, <c>order</c>, order id). Delivery is at least once:
/// every participant remembers the <see cref="EventId"/>s it has handled. The grains build an event with its own
/// fields only; the saga's event factory stamps the three common ones from the grains' clock when it is emitted.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderEvent")]
public abstract record OrderEvent
{
    /// <summary>Unique id of this event.</summary>
    [Id(0)] public Guid EventId { get; init; }

    /// <summary>The order the event is about (also the stream key).</summary>
    [Id(1)] public Guid OrderId { get; init; }

    /// <summary>When it happened.</summary>
    [Id(2)] public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the span that published the event, so each participant's handling joins the
    /// order's trace across any stream provider; null when the event was emitted outside a trace.
    /// </summary>
    [Id(3)] public string? TraceParent { get; init; }
}
