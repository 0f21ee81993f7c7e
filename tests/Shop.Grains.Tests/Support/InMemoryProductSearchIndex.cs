using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// The in-memory <see cref="IProductSearchIndex"/> on <see cref="ProductFilter"/>: behind the grain tests'
/// <see cref="RecordingSearchIndex"/>; it holds nothing across restarts. A rebuild fills a new map and
/// then swaps it in, so searches during a rebuild see the old products until the new ones are complete.
/// </summary>
public sealed class InMemoryProductSearchIndex : IProductSearchIndex
{
    private ConcurrentDictionary<string, ProductDetails> products = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        Add(Volatile.Read(ref this.products), products);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Remove(string sku, CancellationToken cancellationToken = default)
    {
        Volatile.Read(ref products).TryRemove(sku, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(ProductFilter.Search(Volatile.Read(ref products).Values, query));

    /// <inheritdoc />
    public Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var rebuilt = new ConcurrentDictionary<string, ProductDetails>(StringComparer.Ordinal);
        Add(rebuilt, products);
        Volatile.Write(ref this.products, rebuilt);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> Count(CancellationToken cancellationToken = default) => Task.FromResult((long)Volatile.Read(ref products).Count);

    private static void Add(ConcurrentDictionary<string, ProductDetails> into, IEnumerable<ProductDetails> products)
    {
        foreach (var product in products)
        {
            into.AddOrUpdate(product.Sku, product, (_, held) => held.Version >= product.Version ? held : product);
        }
    }
}
