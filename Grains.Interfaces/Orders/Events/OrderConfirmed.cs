namespace Shop.Orders.Events;

/// <summary>
/// The order is CONFIRMED. The order grain is the one decider: the stock reservation commits on this event
/// (not on PaymentSucceeded), so a cancellation racing the payment can never leave stock both sold and restored.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderConfirmed")]
public sealed record OrderConfirmed : OrderEvent
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }
}
