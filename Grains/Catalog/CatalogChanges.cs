using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>What the index must hold for a product after a change, decided by the product's record (pure).</summary>
public static class CatalogChanges
{
    /// <summary>
    /// The product to index, or null to remove it. The record wins whenever it is at least as new as the change (it
    /// always is for a change its grain published), so a late older change, or one that arrives after the deletion,
    /// cannot bring an old copy back; only a change no record knows (applied by hand) is taken as it is.
    /// </summary>
    public static ProductDetails? ToIndex(ProductChanged change, ProductState? record)
    {
        ArgumentNullException.ThrowIfNull(change);
        var version = change.Product.Version;
        if (record?.Product is { } live && live.Version >= version)
        {
            return live;
        }

        if (record is { Product: null, Deleted: { } tombstone } && tombstone.Version >= version)
        {
            return null;
        }

        return change.Deleted ? null : change.Product;
    }

    /// <summary>The newer of two changes of one product (a deletion wins a tie).</summary>
    public static ProductChanged Newer(ProductChanged held, ProductChanged arrived)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(arrived);
        return arrived.Product.Version > held.Product.Version || (arrived.Product.Version == held.Product.Version && arrived.Deleted)
            ? arrived
            : held;
    }
}
