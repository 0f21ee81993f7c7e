using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>
/// The port to the product search index (Lucene.Net in a local folder, Elasticsearch, or the in-memory filter).
/// Indexing is idempotent: a product older than the version the index holds is ignored (latest version wins).
/// Unpublished products are indexed too and only found when a query includes them (admin listings).
/// </summary>
public interface IProductSearchIndex
{
    /// <summary>Adds or replaces products; a product whose version is not newer than the indexed one is skipped.</summary>
    Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default);

    /// <summary>Removes the product with <paramref name="sku"/>; an unknown SKU is not an error.</summary>
    Task Remove(string sku, CancellationToken cancellationToken = default);

    /// <summary>Runs a search; free text never makes it throw (it is tokenised, never parsed as query syntax).</summary>
    Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole index with <paramref name="products"/>.</summary>
    Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default);

    /// <summary>How many products the index holds (published or not).</summary>
    Task<long> Count(CancellationToken cancellationToken = default);
}
