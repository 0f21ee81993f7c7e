using Shop.Common;

namespace Shop.Orders.Events;

/// <summary>The payment is taken (or cash on delivery accepted).</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.PaymentSucceeded")]
public sealed record PaymentSucceeded : OrderEvent
{
    /// <summary>The amount charged or to collect.</summary>
    [Id(0)] public required Money Amount { get; init; }

    /// <summary>The provider's reference; null for cash on delivery.</summary>
    [Id(1)] public string? ProviderReference { get; init; }
}
