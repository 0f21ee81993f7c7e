namespace Shop.Catalog;

/// <summary>One product of the catalog, keyed by SKU. Publishes every change to the catalog stream.</summary>
[Alias("shop.catalog.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>The product, or null when no product has this SKU.</summary>
    [Alias("GetDetails")]
    Task<ProductDetails?> GetDetails();

    /// <summary>Creates the product; a SKU that exists already is a conflict (409).</summary>
    [Alias("Create")]
    Task<ProductDetails> Create(ProductDraft draft);

    /// <summary>Replaces the product's fields; an unknown SKU is not found (404).</summary>
    [Alias("Update")]
    Task<ProductDetails> Update(ProductDraft draft);

    /// <summary>Publishes or unpublishes the product.</summary>
    [Alias("SetPublished")]
    Task<ProductDetails> SetPublished(bool published);

    /// <summary>
    /// Deletes the product: it is gone from reads, search and listings, and its stock item takes no new reservations.
    /// Idempotent: deleting a deleted product again succeeds (and repeats the side effects); a SKU that never held a
    /// product is not found (404). Creating the SKU again later starts a new product.
    /// </summary>
    [Alias("Delete")]
    Task Delete();
}
