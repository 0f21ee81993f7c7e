namespace Shop.Grains.Catalog;

/// <summary>
/// Which SKU shard holds a SKU. The count is fixed for the life of the stored data: changing it would move SKUs to
/// other shards, so it may only change together with a migration that registers every SKU again.
/// </summary>
public static class CatalogShards
{
    /// <summary>
    /// How many shards there are: with 100,000 products a shard holds about 100 SKUs (a create or delete writes
    /// about 1.5 KB), and a rebuild reads 1,024 small records before it reads the products.
    /// </summary>
    public const int Count = 1024;

    /// <summary>The shard of <paramref name="sku"/>: FNV-1a over its characters, so it is the same in every process.</summary>
    public static int Of(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var hash = 2166136261u;
        foreach (var c in sku)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Count);
    }
}
