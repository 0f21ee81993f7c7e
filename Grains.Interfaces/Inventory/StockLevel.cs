namespace Shop.Inventory;

/// <summary>The stock of one SKU: what is on hand, what is held for orders in progress, what can still be sold.</summary>
[GenerateSerializer, Immutable, Alias("shop.inventory.StockLevel")]
public sealed record StockLevel
{
    /// <summary>The SKU.</summary>
    [Id(0)] public required string Sku { get; init; }

    /// <summary>Units physically in stock (committed sales are already taken off).</summary>
    [Id(1)] public long OnHand { get; init; }

    /// <summary>Units held by reservations of orders in progress.</summary>
    [Id(2)] public long Reserved { get; init; }

    /// <summary>Units sold and taken off the shelf by confirmed orders, since the stock was last set.</summary>
    [Id(3)] public long Committed { get; init; }

    /// <summary>Units a shopper can still buy: on hand minus reserved, never negative.</summary>
    public long Available => Math.Max(0, OnHand - Reserved);
}
