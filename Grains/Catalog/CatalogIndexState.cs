using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>
/// The state the catalog index grain kept before the search index became a projection of the product records (every
/// product plus the versions of deletions, in one record). Nothing writes it any more: the catalog projection reads
/// a stored one once, registers its SKUs in the SKU shards and clears it. Kept, ids unchanged, only so that an
/// old record can still be read.
/// </summary>
[GenerateSerializer, Alias("shop.grains.catalog.CatalogIndexState")]
public sealed class CatalogIndexState
{
    /// <summary>SKU to product.</summary>
    [Id(0)] public Dictionary<string, ProductDetails> Products { get; set; } = new(StringComparer.Ordinal);

    /// <summary>SKU to the version of its deletion, so an older change arriving late cannot bring a product back.</summary>
    [Id(1)] public Dictionary<string, long> Deleted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The newest version seen of <paramref name="sku"/> (a change or a deletion), or 0.</summary>
    public long VersionOf(string sku) =>
        Math.Max(Products.TryGetValue(sku, out var held) ? held.Version : 0, Deleted.GetValueOrDefault(sku));
}
