namespace Shop.Orders.Events;

/// <summary>A line could not be held; nothing is held for the order.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.StockReservationFailed")]
public sealed record StockReservationFailed : OrderEvent
{
    /// <summary>The first SKU that was short.</summary>
    [Id(0)] public required string Sku { get; init; }
}
