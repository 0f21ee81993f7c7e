namespace Shop.Grains.Catalog;

/// <summary>The persisted state of a SKU shard: only the SKUs of its live products.</summary>
[GenerateSerializer, Alias("shop.grains.catalog.CatalogShardState")]
public sealed class CatalogShardState
{
    /// <summary>The SKUs.</summary>
    [Id(0)] public HashSet<string> Skus { get; set; } = new(StringComparer.Ordinal);
}
