using System.Collections.Concurrent;
using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>
/// The in-memory <see cref="IProductSearchIndex"/> on <see cref="ProductFilter"/>: the default when no search
/// provider is configured (unit and grain tests); it holds nothing across restarts.
/// </summary>
public sealed class InMemoryProductSearchIndex : IProductSearchIndex
{
    private readonly ConcurrentDictionary<string, ProductDetails> products = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        foreach (var product in products)
        {
            this.products.AddOrUpdate(product.Sku, product, (_, held) => held.Version >= product.Version ? held : product);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Remove(string sku, CancellationToken cancellationToken = default)
    {
        products.TryRemove(sku, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(ProductFilter.Search(products.Values, query));

    /// <inheritdoc />
    public Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        this.products.Clear();
        return Upsert(products, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> Count(CancellationToken cancellationToken = default) => Task.FromResult((long)products.Count);
}
