namespace Shop.Catalog;

/// <summary>
/// The one writer of the search index (key <see cref="ICatalogIndexGrain.Key"/>, the catalog stream key): it consumes
/// the catalog stream and writes changes to the index in batches. It holds no product data: each change is checked
/// against the product's own record before it is written, so a late or repeated change cannot undo a newer one.
/// </summary>
[Alias("shop.catalog.ICatalogProjectionGrain")]
public interface ICatalogProjectionGrain : IGrainWithGuidKey
{
    /// <summary>Queues a product change for the next batch.</summary>
    [Alias("Apply")]
    Task Apply(ProductChanged change);

    /// <summary>
    /// Starts remembering which products change while a rebuild reads the product records; returns the rebuild's id.
    /// </summary>
    [Alias("BeginRebuild")]
    Task<Guid> BeginRebuild();

    /// <summary>
    /// Writes again every product that changed since <paramref name="rebuild"/> began (the rebuilt index may hold an
    /// older copy); false when this activation does not know the rebuild (it restarted), so the rebuild must run again.
    /// </summary>
    [Alias("CompleteRebuild")]
    Task<bool> CompleteRebuild(Guid rebuild, long indexed);

    /// <summary>Activates the projection (it checks the index at activation and rebuilds a lost one).</summary>
    [Alias("Wake")]
    Task Wake();
}
