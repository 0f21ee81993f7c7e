namespace Shop.Orders.Events;

/// <summary>The order is CANCELLED: the reservation releases its stock and a taken payment is refunded.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderCancelled")]
public sealed record OrderCancelled : OrderEvent
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>Why.</summary>
    [Id(1)] public required CancellationReason Reason { get; init; }
}
