using Shop.Common;

namespace Shop.Orders.Events;

/// <summary>A taken payment was given back because the order could not complete.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.PaymentRefunded")]
public sealed record PaymentRefunded : OrderEvent
{
    /// <summary>The amount refunded.</summary>
    [Id(0)] public required Money Amount { get; init; }
}
