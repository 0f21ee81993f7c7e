using System.Collections.Concurrent;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Grains.Tests.Support;

/// <summary>The in-memory search index, recording the SKUs of every bulk write so tests can see how changes were batched; its rebuilds can be held.</summary>
public sealed class RecordingSearchIndex : IProductSearchIndex
{
    private readonly InMemoryProductSearchIndex inner = new();
    private RebuildHold? hold;

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
    public async Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref hold) is { } held)
        {
            await held.Enter();
        }

        await inner.Rebuild(products, cancellationToken);
    }

    /// <summary>Holds the rebuilds that start from now on until the returned hold is released or disposed.</summary>
    public RebuildHold HoldRebuilds()
    {
        var held = new RebuildHold();
        Volatile.Write(ref hold, held);
        return held;
    }

    /// <inheritdoc />
    public Task<long> Count(CancellationToken cancellationToken = default) => inner.Count(cancellationToken);
}
