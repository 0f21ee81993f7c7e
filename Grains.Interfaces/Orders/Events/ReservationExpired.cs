namespace Shop.Orders.Events;

/// <summary>
/// The stock hold of the order ran out while the stock is still held. The order, the single decider, cancels an order
/// that is not confirmed yet; the reservation then commits on OrderConfirmed or releases on OrderCancelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.ReservationExpired")]
public sealed record ReservationExpired : OrderEvent;
