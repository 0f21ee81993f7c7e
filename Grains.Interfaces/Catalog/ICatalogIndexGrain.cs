using Orleans.Concurrency;

namespace Shop.Catalog;

/// <summary>
/// The entry to catalog search: a stateless worker (activations on every silo, more under load), so searches run
/// side by side on the silo that received them and never queue on one activation. Changes reach the index through
/// the catalog projection (<see cref="ICatalogProjectionGrain"/>); this grain holds no state.
/// </summary>
[Alias("shop.catalog.ICatalogIndexGrain")]
public interface ICatalogIndexGrain : IGrainWithGuidKey
{
    /// <summary>The key callers use (any key reaches a local worker; one key keeps the grain id stable).</summary>
    static Guid Key => Common.StreamNames.CatalogStreamKey;

    /// <summary>Runs a search against the search index; it reads no grain state.</summary>
    [AlwaysInterleave]
    [Alias("Search")]
    Task<ProductPage> Search(ProductQuery query);

    /// <summary>
    /// Rebuilds the search index from the product records (the source of truth); returns how many products were
    /// indexed. Searches go on against the old index until the new one replaces it.
    /// </summary>
    [Alias("Rebuild")]
    Task<long> Rebuild();

    /// <summary>Applies a product change (idempotent: an older version than the product record holds is ignored).</summary>
    [Alias("Apply")]
    Task Apply(ProductChanged change);
}
