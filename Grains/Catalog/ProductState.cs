using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>The persisted state of a product grain.</summary>
[GenerateSerializer, Alias("shop.grains.catalog.ProductState")]
public sealed class ProductState
{
    /// <summary>The product; null until it is created.</summary>
    [Id(0)] public ProductDetails? Product { get; set; }
}
