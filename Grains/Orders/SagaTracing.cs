using System.Diagnostics;
using Shop.Orders.Events;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.Grains.Orders;

/// <summary>
/// Carries an order's trace across the saga's streams. Orleans propagates the trace context of grain calls, but not
/// through a persistent stream (Kafka): the pulling agent that delivers an event runs outside the publisher's call.
/// So every saga event carries a W3C <c>traceparent</c> (<see cref="OrderEvent.TraceParent"/>): stamped from the
/// span of the step that emitted it, replaced by the producer span when it is published, and taken as the parent of
/// each participant's handling. One order is then one trace, on memory streams and on Kafka alike.
/// </summary>
public static class SagaTracing
{
    /// <summary>Tag naming the participant that handles an event (its grain class).</summary>
    public const string ParticipantTag = "shop.saga.participant";

    /// <summary>Tag naming the saga event.</summary>
    public const string EventTag = "shop.saga.event";

    /// <summary>Tag with the order id.</summary>
    public const string OrderTag = "shop.order.id";

    /// <summary>The trace context of the running step, to stamp on an event it emits; null outside a trace.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts the producer span of publishing <paramref name="orderEvent"/>, parented on the step that emitted it, and
    /// returns the event stamped with the producer span (unchanged when nothing listens).
    /// </summary>
    public static (Activity? Span, TEvent Event) StartPublish<TEvent>(TEvent orderEvent)
        where TEvent : OrderEvent
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var name = EventName(orderEvent);
        var span = Start($"publish {name}", ActivityKind.Producer, orderEvent.TraceParent, orderEvent, name);
        return span is null ? (null, orderEvent) : (span, orderEvent with { TraceParent = span.Id });
    }

    /// <summary>Starts the consumer span of <paramref name="participant"/> handling <paramref name="orderEvent"/>.</summary>
    public static Activity? StartHandle(OrderEvent orderEvent, string participant)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var name = EventName(orderEvent);
        var span = Start($"{participant} handles {name}", ActivityKind.Consumer, orderEvent.TraceParent, orderEvent, name);
        span?.SetTag(ParticipantTag, participant);
        return span;
    }

    /// <summary>Starts the client span of a call to the payment provider (the provider's HTTP call nests inside it).</summary>
    public static Activity? StartPaymentCall(string operation, Guid orderId)
    {
        var span = ShopActivitySources.Saga.StartActivity($"payment {operation}", ActivityKind.Client);
        span?.SetTag(OrderTag, orderId);
        return span;
    }

    private static Activity? Start(string displayName, ActivityKind kind, string? traceParent, OrderEvent orderEvent, string eventName)
    {
        // An unreadable or missing traceparent starts a trace of its own rather than failing the saga.
        _ = ActivityContext.TryParse(traceParent, null, out var parent);
        var span = ShopActivitySources.Saga.StartActivity(displayName, kind, parent);
        span?.SetTag(EventTag, eventName);
        span?.SetTag(OrderTag, orderEvent.OrderId);
        span?.SetTag("messaging.system", "orleans");
        span?.SetTag("messaging.message.id", orderEvent.EventId);
        return span;
    }

    private static string EventName(OrderEvent orderEvent) => orderEvent.GetType().Name;
}
