using Shop.Common;
using Shop.Inventory;

namespace Shop.Grains.Inventory;

/// <summary>
/// The stock of one SKU and its rules (pure, unit-tested; also the persisted state of <see cref="StockItemGrain"/>).
/// Every operation is idempotent per order id: an order that was committed or released is settled and later calls
/// for it change nothing. On hand never goes negative.
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

    /// <summary>Orders whose reservation was committed.</summary>
    [Id(3)] public HashSet<Guid> CommittedOrders { get; set; } = [];

    /// <summary>Orders whose reservation was released (or that were released before they held anything).</summary>
    [Id(4)] public HashSet<Guid> ReleasedOrders { get; set; } = [];

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
    /// Holds units for an order. True when held now or before (or when the order was committed already); false when
    /// not enough units are available, the order was released or the SKU is discontinued. The result says whether the state changed.
    /// </summary>
    public (bool Held, bool Changed) Reserve(Guid orderId, int quantity)
    {
        if (quantity <= 0)
        {
            throw ShopException.Validation("quantity", "Quantity must be 1 or more.");
        }

        if (CommittedOrders.Contains(orderId) || Reservations.ContainsKey(orderId))
        {
            return (true, false);
        }

        if (Discontinued || ReleasedOrders.Contains(orderId) || Available < quantity)
        {
            return (false, false);
        }

        Reservations[orderId] = quantity;
        return (true, true);
    }

    /// <summary>Gives back the units held for an order; true when the state changed.</summary>
    public bool Release(Guid orderId)
    {
        if (CommittedOrders.Contains(orderId) || ReleasedOrders.Contains(orderId))
        {
            return false;
        }

        Reservations.Remove(orderId);
        ReleasedOrders.Add(orderId);
        return true;
    }

    /// <summary>
    /// Turns an order's reservation into a sale. Committed is true when committed now or before; false when the order
    /// holds nothing. Changed says whether the state changed.
    /// </summary>
    public (bool Committed, bool Changed) Commit(Guid orderId)
    {
        if (CommittedOrders.Contains(orderId))
        {
            return (true, false);
        }

        if (!Reservations.Remove(orderId, out var quantity))
        {
            return (false, false);
        }

        OnHand -= quantity;
        Committed += quantity;
        CommittedOrders.Add(orderId);
        return (true, true);
    }
}
