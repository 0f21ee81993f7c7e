using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>The persisted state of the catalog index: the newest version of every product it has seen.</summary>
[GenerateSerializer, Alias("shop.grains.catalog.CatalogIndexState")]
public sealed class CatalogIndexState
{
    /// <summary>SKU to product.</summary>
    [Id(0)] public Dictionary<string, ProductDetails> Products { get; set; } = new(StringComparer.Ordinal);
}
