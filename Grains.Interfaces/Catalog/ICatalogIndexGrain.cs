using Orleans.Concurrency;

namespace Shop.Catalog;

/// <summary>
/// The catalog's search index (a single activation, key <see cref="Key"/>): it consumes the catalog stream and
/// answers listings and searches through the configured search index (Lucene.Net, Elasticsearch or in memory).
/// </summary>
[Alias("shop.catalog.ICatalogIndexGrain")]
public interface ICatalogIndexGrain : IGrainWithGuidKey
{
    /// <summary>The key of the one index grain (the catalog stream key).</summary>
    static Guid Key => Common.StreamNames.CatalogStreamKey;

    /// <summary>
    /// Runs a search. It reads only the search index (safe for concurrent readers), never the grain's state, so
    /// searches interleave with each other and with changes instead of queueing behind the one activation.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Search")]
    Task<ProductPage> Search(ProductQuery query);

    /// <summary>Rebuilds the search index from the catalog the grain holds; returns how many products were indexed.</summary>
    [Alias("Rebuild")]
    Task<long> Rebuild();

    /// <summary>Applies a product change (idempotent: an older version than the one held is ignored).</summary>
    [Alias("Apply")]
    Task Apply(ProductChanged change);
}
