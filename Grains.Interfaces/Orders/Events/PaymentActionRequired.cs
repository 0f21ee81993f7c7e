namespace Shop.Orders.Events;

/// <summary>The card charge needs the customer (3-D Secure); it finishes later or the hold expires.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.PaymentActionRequired")]
public sealed record PaymentActionRequired : OrderEvent
{
    /// <summary>The secret the storefront needs to finish the charge.</summary>
    [Id(0)] public required string ClientSecret { get; init; }
}
