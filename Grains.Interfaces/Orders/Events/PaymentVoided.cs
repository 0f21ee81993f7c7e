namespace Shop.Orders.Events;

/// <summary>The payment's answer to a cancellation when no money was taken: nothing is charged and nothing is given back.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.PaymentVoided")]
public sealed record PaymentVoided : OrderEvent;
