namespace Shop.Orders.Events;

/// <summary>The charge was refused.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.PaymentFailed")]
public sealed record PaymentFailed : OrderEvent
{
    /// <summary>The provider's reason, e.g. card_declined.</summary>
    [Id(0)] public required string Reason { get; init; }
}
