using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Grains.Tests.Support;

/// <summary>The in-memory search index, recording the SKUs of every bulk write so tests can see how changes were batched.</summary>
public sealed class RecordingSearchIndex : IProductSearchIndex
{
    private readonly InMemoryProductSearchIndex inner = new();

    /// <summary>Every upsert call, as the SKUs it wrote.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Upserts { get; } = new();

    /// <inheritdoc />
    public Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        Upserts.Enqueue(products.Select(product => product.Sku).ToList());
        return inner.Upsert(products, cancellationToken);
    }

    /// <inheritdoc />
    public Task Remove(string sku, CancellationToken cancellationToken = default) => inner.Remove(sku, cancellationToken);

    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default) =>
        inner.Search(query, cancellationToken);

    /// <inheritdoc />
    public Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default) =>
        inner.Rebuild(products, cancellationToken);

    /// <inheritdoc />
    public Task<long> Count(CancellationToken cancellationToken = default) => inner.Count(cancellationToken);
}
