using Microsoft.Extensions.DependencyInjection;
using Shop.Orders.Events;

namespace Shop.Grains.Orders;

/// <summary>
/// Stamps the common fields of every saga event the grains emit: a new event id (a version 7 Guid, so ids sort by
/// time), the order id and the time from the grains' clock. The one place where saga events get them.
/// </summary>
public sealed class SagaEventFactory([FromKeyedServices(ShopClock.Key)] TimeProvider clock)
{
    /// <summary>Returns <paramref name="orderEvent"/> stamped for <paramref name="orderId"/> now.</summary>
    public TEvent Stamp<TEvent>(TEvent orderEvent, Guid orderId)
        where TEvent : OrderEvent
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var now = clock.GetUtcNow();
        return orderEvent with
        {
            EventId = Guid.CreateVersion7(now),
            OrderId = orderId,
            OccurredAt = now,
            TraceParent = SagaTracing.CurrentTraceParent(),
        };
    }
}
