namespace Shop.Catalog;

/// <summary>
/// One of a fixed number of SKU shards (key = shard number): the SKUs of the live products whose hash falls in it,
/// nothing else. A product registers when it is created and leaves when it is deleted, never on an edit; a rebuild
/// reads every shard to know which product records to read.
/// </summary>
[Alias("shop.catalog.ICatalogShardGrain")]
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>Adds SKUs (idempotent; the state is written only when one is new).</summary>
    [Alias("Add")]
    Task Add(IReadOnlyCollection<string> skus);

    /// <summary>Removes a SKU (idempotent).</summary>
    [Alias("Remove")]
    Task Remove(string sku);

    /// <summary>The SKUs of this shard.</summary>
    [Alias("Skus")]
    Task<IReadOnlyList<string>> Skus();
}
