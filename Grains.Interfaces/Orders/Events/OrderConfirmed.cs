namespace Shop.Orders.Events;

/// <summary>
/// The order is CONFIRMED. The order grain is the one decider: the stock reservation commits on this event
/// (not on PaymentSucceeded), so a cancellation racing the payment can never leave stock both sold and restored.
/// It carries the order and its recipient, so the confirmation e-mail needs no call back to the order or the user.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderConfirmed")]
public sealed record OrderConfirmed : OrderEvent
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>Whom to tell; null when the customer has no profile.</summary>
    [Id(1)] public OrderRecipient? Recipient { get; init; }

    /// <summary>The confirmed order (lines, total, address).</summary>
    [Id(2)] public OrderView? Order { get; init; }
}
