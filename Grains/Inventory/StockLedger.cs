using Shop.Common;
using Shop.Inventory;

namespace Shop.Grains.Inventory;

/// <summary>
/// The stock of one SKU and its rules (pure, unit-tested; also the persisted state of <see cref="StockItemGrain"/>).
/// It remembers only the orders in progress: a settled order leaves nothing behind, so a SKU that sells a million
/// units writes as small a state as a new one. Remembering settled orders is the reservation's job
/// (<see cref="StockReservationGrain"/>, one per order): it alone reserves, commits and releases for its order, so a
/// commit or release that finds nothing held is one it made before. On hand never goes negative.
/// </summary>
[GenerateSerializer, Alias("shop.grains.inventory.StockLedger")]
public sealed class StockLedger
{
    /// <summary>Most units one SKU can hold.</summary>
    public const long MaxOnHand = 1_000_000_000;

    /// <summary>Units physically in stock.</summary>
    [Id(0)] public long OnHand { get; set; }

    /// <summary>Units held per order in progress.</summary>
    [Id(1)] public Dictionary<Guid, int> Reservations { get; set; } = [];

    /// <summary>Units sold since the stock was last set.</summary>
    [Id(2)] public long Committed { get; set; }

    // Ids 3 and 4 held every committed and released order id; they grew with each sale and are not reused.

    /// <summary>The product was deleted: no new reservations (held ones still commit or release).</summary>
    [Id(5)] public bool Discontinued { get; set; }

    /// <summary>Units held by all reservations.</summary>
    public long Reserved => Reservations.Values.Sum(q => (long)q);

    /// <summary>Units that can still be reserved.</summary>
    public long Available => Math.Max(0, OnHand - Reserved);

    /// <summary>The level as the contracts show it.</summary>
    public StockLevel ToLevel(string sku) => new() { Sku = sku, OnHand = OnHand, Reserved = Reserved, Committed = Committed };

    /// <summary>Sets the units on hand; below the reserved units is refused so a commit can never go negative.</summary>
    public void SetOnHand(long onHand)
    {
        if (onHand is < 0 or > MaxOnHand)
        {
            throw ShopException.Validation("onHand", $"On hand must be between 0 and {MaxOnHand}.");
        }

        if (onHand < Reserved)
        {
            throw ShopException.BusinessRule(
                "stock.below_reserved", $"On hand cannot be set below the {Reserved} units held by orders in progress.");
        }

        OnHand = onHand;
        Committed = 0;
    }

    /// <summary>
    /// Adds <paramref name="delta"/> units on hand (negative takes units off). The result may not go below the units
    /// held by orders in progress (422) nor above <see cref="MaxOnHand"/> (400); sales already committed stay counted.
    /// </summary>
    public void Adjust(long delta)
    {
        if (delta == 0 || Math.Abs(delta) > MaxOnHand)
        {
            throw ShopException.Validation("delta", $"delta must be a non-zero number of units between -{MaxOnHand} and {MaxOnHand}.");
        }

        var onHand = OnHand + delta;
        if (onHand < Reserved)
        {
            throw ShopException.BusinessRule(
                "stock.below_reserved",
                $"Taking {-delta} units off {OnHand} on hand would leave fewer than the {Reserved} units held by orders in progress.");
        }

        if (onHand > MaxOnHand)
        {
            throw ShopException.Validation("delta", $"On hand may not exceed {MaxOnHand} units.");
        }

        OnHand = onHand;
    }

    /// <summary>
    /// Holds units for an order. True when held now or before; false when not enough units are available or the SKU
    /// is discontinued. The result says whether the state changed.
    /// </summary>
    public (bool Held, bool Changed) Reserve(Guid orderId, int quantity)
    {
        if (quantity <= 0)
        {
            throw ShopException.Validation("quantity", "Quantity must be 1 or more.");
        }

        if (Reservations.ContainsKey(orderId))
        {
            return (true, false);
        }

        if (Discontinued || Available < quantity)
        {
            return (false, false);
        }

        Reservations[orderId] = quantity;
        return (true, true);
    }

    /// <summary>Gives back the units held for an order; true when it held some (the state changed).</summary>
    public bool Release(Guid orderId) => Reservations.Remove(orderId);

    /// <summary>Turns an order's reservation into a sale; true when it held units (the state changed).</summary>
    public bool Commit(Guid orderId)
    {
        if (!Reservations.Remove(orderId, out var quantity))
        {
            return false;
        }

        OnHand -= quantity;
        Committed += quantity;
        return true;
    }
}
