using Shop.Common;

namespace Shop.Orders.Events;

/// <summary>Shop staff recorded that the courier collected a cash-on-delivery order's amount.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.CashCollected")]
public sealed record CashCollected : OrderEvent
{
    /// <summary>The amount collected.</summary>
    [Id(0)] public required Money Amount { get; init; }

    /// <summary>The admin who recorded it.</summary>
    [Id(1)] public required Guid By { get; init; }
}
