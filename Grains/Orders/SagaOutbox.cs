using Shop.Orders.Events;

namespace Shop.Grains.Orders;

/// <summary>
/// The saga bookkeeping a participant persists with its own state: the ids of the events it has handled, and the
/// events it decided to emit but may not have published yet. A participant records both in the same write as its
/// state change, then publishes; whatever is still pending is published again before the next event is handled,
/// so an event is emitted at least once and never before the state that caused it is written. Only
/// <see cref="SagaParticipantGrain"/>'s step drives it.
/// </summary>
[GenerateSerializer, Alias("shop.grains.orders.SagaOutbox")]
public sealed class SagaOutbox
{
    /// <summary>Ids of the incoming events already handled.</summary>
    [Id(0)] public HashSet<Guid> Handled { get; set; } = [];

    /// <summary>Events written but not yet known to be published.</summary>
    [Id(1)] public List<OrderEvent> Pending { get; set; } = [];

    /// <summary>Whether the event was handled before (a duplicate delivery).</summary>
    public bool WasHandled(Guid eventId) => Handled.Contains(eventId);

    /// <summary>Records an event as handled; call it just before the state write.</summary>
    public void MarkHandled(Guid eventId) => Handled.Add(eventId);

    /// <summary>Queues an event to publish after the next state write.</summary>
    public void Emit(OrderEvent orderEvent) => Pending.Add(orderEvent);

    /// <summary>Publishes every pending event in order.</summary>
    public async Task Flush(ISagaEventPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        while (Pending.Count > 0)
        {
            await publisher.Publish(Pending[0]);
            Pending.RemoveAt(0);
        }
    }
}
