using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog index (one activation, key = catalog stream key): an implicit subscriber of the catalog stream that
/// keeps the newest version of every product and answers searches with <see cref="ProductFilter"/>.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CatalogNamespace)]
public sealed class CatalogIndexGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<CatalogIndexState> state)
    : Grain, ICatalogIndexGrain, IStreamSubscriptionObserver, IAsyncObserver<ProductChanged>
{
    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query) =>
        Task.FromResult(ProductFilter.Search(state.State.Products.Values, query));

    /// <inheritdoc />
    public async Task Apply(ProductChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = change.Product;
        if (state.State.Products.TryGetValue(product.Sku, out var held) && held.Version >= product.Version)
        {
            return;
        }

        state.State.Products[product.Sku] = product;
        await state.WriteStateAsync();
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
