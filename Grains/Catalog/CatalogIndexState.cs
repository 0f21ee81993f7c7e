using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>The persisted state of the catalog index: the newest version of every product it has seen.</summary>
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
