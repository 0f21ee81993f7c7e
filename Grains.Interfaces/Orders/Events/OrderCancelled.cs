namespace Shop.Orders.Events;

/// <summary>
/// The order is CANCELLED: the reservation releases its stock and the payment answers with PaymentVoided,
/// PaymentRefunded or RefundPending, after which the customer is told.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderCancelled")]
public sealed record OrderCancelled : OrderEvent
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>Why.</summary>
    [Id(1)] public required CancellationReason Reason { get; init; }

    /// <summary>Whom to tell; null when the customer has no profile.</summary>
    [Id(2)] public OrderRecipient? Recipient { get; init; }

    /// <summary>The admin who cancelled, when shop staff did.</summary>
    [Id(3)] public Guid? By { get; init; }
}
