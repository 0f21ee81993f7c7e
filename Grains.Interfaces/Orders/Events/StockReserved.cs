namespace Shop.Orders.Events;

/// <summary>Every line of the order is held; the payment can be taken.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.StockReserved")]
public sealed record StockReserved : OrderEvent;
