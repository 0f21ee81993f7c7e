namespace Shop.Inventory;

/// <summary>
/// The stock of one SKU. One activation serialises every change, so stock is never oversold.
/// Reserve, Release and Commit are idempotent per order id: delivery is at least once.
/// </summary>
[Alias("shop.inventory.IStockItemGrain")]
public interface IStockItemGrain : IGrainWithStringKey
{
    /// <summary>The current stock level.</summary>
    [Alias("GetLevel")]
    Task<StockLevel> GetLevel();

    /// <summary>Sets the units on hand (an admin stock count); existing reservations stay.</summary>
    [Alias("SetOnHand")]
    Task<StockLevel> SetOnHand(long onHand);

    /// <summary>
    /// Adds <paramref name="delta"/> units to what is on hand (negative takes units off: breakage, a recount).
    /// Going below the units held by orders in progress is refused (422), so stock is never negative.
    /// </summary>
    [Alias("Adjust")]
    Task<StockLevel> Adjust(long delta, string? reason);

    /// <summary>
    /// Stops (true) or resumes (false) selling the SKU: a discontinued stock item refuses new reservations, while
    /// the reservations it holds still commit or release. Used when a product is deleted or created again.
    /// </summary>
    [Alias("SetDiscontinued")]
    Task SetDiscontinued(bool discontinued);

    /// <summary>
    /// Holds <paramref name="quantity"/> units for <paramref name="orderId"/>. True when held (or already held for
    /// this order); false when not enough units are available or the SKU is discontinued.
    /// </summary>
    [Alias("Reserve")]
    Task<bool> Reserve(Guid orderId, int quantity);

    /// <summary>
    /// Gives back the units held for the order (a no-op when none are held). The stock item keeps no record of
    /// settled orders: only the order's reservation calls this, and it remembers what it settled.
    /// </summary>
    [Alias("Release")]
    Task Release(Guid orderId);

    /// <summary>
    /// Turns the order's reservation into a sale: on hand goes down by the reserved units. True when committed now;
    /// false when the order holds no reservation here (never held, released, or committed by an earlier call: the
    /// order's reservation, the only caller, tells these apart).
    /// </summary>
    [Alias("Commit")]
    Task<bool> Commit(Guid orderId);
}
