using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog index (one activation, key = catalog stream key): an implicit subscriber of the catalog stream that
/// keeps the newest version of every product in its persisted state and feeds the <see cref="IProductSearchIndex"/>,
/// which answers the searches. The persisted product map is the source of truth: at activation the index is rebuilt
/// from it when the storage holds no record yet or the index is empty, and caught up otherwise. Index writes are
/// batched: a change is written to the state at once and reaches the index with the other changes of the next
/// <see cref="BatchWindow"/> (or sooner when <see cref="BatchSize"/> changes wait), in one bulk write.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CatalogNamespace)]
public sealed class CatalogIndexGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<CatalogIndexState> state,
    IProductSearchIndex index,
    ILogger<CatalogIndexGrain> logger)
    : Grain, ICatalogIndexGrain, IStreamSubscriptionObserver, IAsyncObserver<ProductChanged>
{
    /// <summary>How long a change may wait for others before the batch goes to the index.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a batch that the index refused waits before it is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>How many waiting changes send the batch at once.</summary>
    public const int BatchSize = 500;

    // SKU -> the newest product to index, or null for a removal. Only the newest change of a SKU is kept: the index
    // wants the latest version, not the history.
    private readonly Dictionary<string, ProductDetails?> pendingIndexWrites = new(StringComparer.Ordinal);
    private IGrainTimer? batchTimer;

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
        // The rebuild writes every product the state holds, which covers whatever waits in the batch.
        pendingIndexWrites.Clear();
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

        // State first: a batch lost with the activation is healed by the catch-up at the next activation.
        if (change.Deleted)
        {
            state.State.Products.Remove(product.Sku);
            state.State.Deleted[product.Sku] = product.Version;
        }
        else
        {
            state.State.Products[product.Sku] = product;
            state.State.Deleted.Remove(product.Sku);
        }

        await state.WriteStateAsync();
        pendingIndexWrites[product.Sku] = change.Deleted ? null : product;
        if (pendingIndexWrites.Count >= BatchSize)
        {
            await WriteBatchToIndex();
            return;
        }

        batchTimer ??= this.RegisterGrainTimer(WriteBatchToIndex, BatchWindow, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        WriteBatchToIndex();

    private async Task WriteBatchToIndex()
    {
        batchTimer?.Dispose();
        batchTimer = null;
        if (pendingIndexWrites.Count == 0)
        {
            return;
        }

        var batch = pendingIndexWrites.ToList();
        pendingIndexWrites.Clear();
        try
        {
            var upserts = batch.Where(write => write.Value is not null).Select(write => write.Value!).ToList();
            if (upserts.Count > 0)
            {
                await index.Upsert(upserts);
            }

            foreach (var removal in batch.Where(write => write.Value is null))
            {
                await index.Remove(removal.Key);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The index is down (e.g. Elasticsearch unreachable): keep the batch, unless a newer change of a SKU
            // arrived meanwhile, and try again after the next window. Writes are idempotent by version.
            logger.LogWarning(exception, "Writing {Count} catalog changes to the search index failed; retrying", batch.Count);
            foreach (var (sku, product) in batch)
            {
                pendingIndexWrites.TryAdd(sku, product);
            }

            batchTimer ??= this.RegisterGrainTimer(WriteBatchToIndex, RetryDelay, Timeout.InfiniteTimeSpan);
        }
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
