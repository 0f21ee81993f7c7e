using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog index (one activation, key = catalog stream key): an implicit subscriber of the catalog stream that
/// keeps the newest version of every product in its persisted state and feeds the <see cref="IProductSearchIndex"/>,
/// which answers the searches. The persisted product map is the source of truth: at activation the index is rebuilt
/// from it when the storage holds no record yet or the index is empty, and caught up otherwise.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CatalogNamespace)]
public sealed class CatalogIndexGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<CatalogIndexState> state,
    IProductSearchIndex index)
    : Grain, ICatalogIndexGrain, IStreamSubscriptionObserver, IAsyncObserver<ProductChanged>
{
    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var products = state.State.Products.Values.ToList();
        // No stored record means the catalog storage starts empty (in-memory storage after a restart, or a new
        // database): whatever an index folder or server still holds is from an earlier catalog, so it is replaced,
        // never topped up. An empty index is rebuilt too (a new folder, another silo, a lost index).
        if (!state.RecordExists || await index.Count(cancellationToken) == 0)
        {
            await index.Rebuild(products, cancellationToken);
            return;
        }

        // The index may have missed changes while this grain lived on another silo; upserts of versions it holds
        // already are skipped, so catching up costs little.
        await index.Upsert(products, cancellationToken);
        foreach (var sku in state.State.Deleted.Keys)
        {
            await index.Remove(sku, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query)
    {
        ProductFilter.Validate(query);
        // Lucene answers synchronously and an activation runs one turn at a time, so the query runs on the thread
        // pool: interleaved searches then use every core instead of queueing on this activation's scheduler.
        return Task.Run(() => index.Search(query));
    }

    /// <inheritdoc />
    public async Task<long> Rebuild()
    {
        var products = state.State.Products.Values.ToList();
        await index.Rebuild(products);
        return products.Count;
    }

    /// <inheritdoc />
    public async Task Apply(ProductChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = change.Product;
        if (state.State.VersionOf(product.Sku) >= product.Version)
        {
            return;
        }

        // State first: a crash between the two writes is healed by the catch-up at the next activation.
        if (change.Deleted)
        {
            state.State.Products.Remove(product.Sku);
            state.State.Deleted[product.Sku] = product.Version;
            await state.WriteStateAsync();
            await index.Remove(product.Sku);
            return;
        }

        state.State.Products[product.Sku] = product;
        state.State.Deleted.Remove(product.Sku);
        await state.WriteStateAsync();
        await index.Upsert([product]);
    }

    /// <inheritdoc />
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<ProductChanged>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public Task OnNextAsync(ProductChanged item, StreamSequenceToken? token = null) => Apply(item);

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
