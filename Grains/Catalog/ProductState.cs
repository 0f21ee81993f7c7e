using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>The persisted state of a product grain.</summary>
[GenerateSerializer, Alias("shop.grains.catalog.ProductState")]
public sealed class ProductState
{
    /// <summary>The product; null until it is created.</summary>
    [Id(0)] public ProductDetails? Product { get; set; }

    /// <summary>
    /// The last state of a deleted product with the deletion's version (null when the product was never deleted or
    /// was created again): it makes a second delete succeed and a re-created product's versions keep increasing.
    /// </summary>
    [Id(1)] public ProductDetails? Deleted { get; set; }
}
