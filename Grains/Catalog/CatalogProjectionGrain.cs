using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog projection (one activation, key = catalog stream key): an implicit subscriber of the catalog stream and
/// the one writer of the <see cref="IProductSearchIndex"/>. It keeps no product data; a change only names a product,
/// and what the index gets is decided by that product's record (<see cref="CatalogChanges.ToIndex"/>), so the record
/// is the single source of truth and late changes are harmless. Changes are batched: the changes of one
/// <see cref="BatchWindow"/> (or <see cref="BatchSize"/> of them) go to the index in one bulk write.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CatalogNamespace)]
public sealed class CatalogProjectionGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<CatalogProjectionState> state,
    [FromKeyedServices(StorageNames.Catalog)] IGrainStorage storage,
    IProductSearchIndex index,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    ILogger<CatalogProjectionGrain> logger)
    : Grain, ICatalogProjectionGrain, IStreamSubscriptionObserver, IAsyncObserver<ProductChanged>
{
    /// <summary>How long a change may wait for others before the batch goes to the index.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a batch that the index or the storage refused waits before it is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>How many waiting changes send the batch at once.</summary>
    public const int BatchSize = 500;

    // SKU -> its newest change: the index wants the latest version, not the history.
    private readonly Dictionary<string, ProductChanged> pending = new(StringComparer.Ordinal);

    // While a rebuild reads the product records, the changes it may have read too early; written again when it ends.
    // Bounded by the changes made during one rebuild, and only in memory.
    private readonly Dictionary<string, ProductChanged> changedDuringRebuild = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> rebuilds = [];
    private IGrainTimer? batchTimer;
    private Task? startupRebuild;

    private ProductRecords Records => new(storage, GrainFactory);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            await AdoptLegacyIndex();
        }

        // No record: the catalog storage is new (in-memory storage after a restart, a new database), so whatever an
        // index folder or server holds is from another catalog. An empty index is lost (a new folder, a new server).
        // The rebuild runs beside the stream, not in this activation's turn: changes go on while it reads.
        if (!state.RecordExists)
        {
            // Emptied before the first search is answered (searches wake this grain first): a product of the earlier
            // catalog must never be found, even while the rebuild below reads the records of this one. Changes made
            // since reach this grain on its stream after this activation, so none is lost by the emptying.
            await index.Rebuild([], cancellationToken);
        }

        if (!state.RecordExists || await index.Count(cancellationToken) == 0)
        {
            startupRebuild = RebuildInBackground();
        }
    }

    /// <inheritdoc />
    public Task Wake() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task Apply(ProductChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Queue(pending, change);
        if (rebuilds.Count > 0)
        {
            Queue(changedDuringRebuild, change);
        }

        if (pending.Count >= BatchSize)
        {
            await WriteBatchToIndex();
            return;
        }

        batchTimer ??= this.RegisterGrainTimer(WriteBatchToIndex, BatchWindow, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public Task<Guid> BeginRebuild()
    {
        var rebuild = Guid.NewGuid();
        rebuilds.Add(rebuild);
        return Task.FromResult(rebuild);
    }

    /// <inheritdoc />
    public async Task<bool> CompleteRebuild(Guid rebuild, long indexed)
    {
        if (!rebuilds.Remove(rebuild))
        {
            return false;
        }

        foreach (var change in changedDuringRebuild.Values)
        {
            Queue(pending, change);
        }

        if (rebuilds.Count == 0)
        {
            changedDuringRebuild.Clear();
        }

        if (indexed >= 0)
        {
            state.State = new CatalogProjectionState { RebuiltAt = clock.GetUtcNow(), RebuiltProducts = indexed };
            await state.WriteStateAsync();
        }

        await WriteBatchToIndex();
        return true;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        WriteBatchToIndex();

    private static void Queue(Dictionary<string, ProductChanged> changes, ProductChanged change) =>
        changes[change.Product.Sku] = changes.TryGetValue(change.Product.Sku, out var held) ? CatalogChanges.Newer(held, change) : change;

    private async Task WriteBatchToIndex()
    {
        batchTimer?.Dispose();
        batchTimer = null;
        if (pending.Count == 0)
        {
            return;
        }

        var batch = pending.Values.ToList();
        pending.Clear();
        try
        {
            var records = Records;
            var decided = await Task.WhenAll(batch.Select(async change =>
                (change.Product.Sku, Product: CatalogChanges.ToIndex(change, await records.Read(change.Product.Sku)))));
            var upserts = decided.Where(d => d.Product is not null).Select(d => d.Product!).ToList();
            if (upserts.Count > 0)
            {
                await index.Upsert(upserts);
            }

            foreach (var (sku, _) in decided.Where(d => d.Product is null))
            {
                await index.Remove(sku);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The index or the catalog storage is down: keep the batch (newer changes that arrived meanwhile win) and
            // try again after a pause. Writes are idempotent, so a half-written batch is simply written again.
            logger.LogWarning(exception, "Writing {Count} catalog changes to the search index failed; retrying", batch.Count);
            foreach (var change in batch)
            {
                Queue(pending, change);
            }

            batchTimer ??= this.RegisterGrainTimer(WriteBatchToIndex, RetryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RebuildInBackground()
    {
        try
        {
            await GrainFactory.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key).Rebuild();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Rebuilding the search index at activation failed; POST /v1/admin/search/rebuild repeats it");
        }
    }

    // The index grain used to keep every product in one record. Its SKUs join the shards once, so a rebuild finds
    // products created before the shards existed; the record is then cleared.
    private async Task AdoptLegacyIndex()
    {
        var legacyId = GrainFactory.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key).GetGrainId();
        var legacy = new GrainState<CatalogIndexState>(new CatalogIndexState());
        await storage.ReadStateAsync("state", legacyId, legacy);
        if (!legacy.RecordExists || legacy.State is not { } held)
        {
            return;
        }

        await Task.WhenAll(held.Products.Keys
            .GroupBy(CatalogShards.Of)
            .Select(shard => GrainFactory.GetGrain<ICatalogShardGrain>(shard.Key).Add([.. shard])));
        logger.LogInformation("Registered {Count} products of the former catalog index record in the SKU shards", held.Products.Count);
        await storage.ClearStateAsync("state", legacyId, legacy);
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
    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "The catalog stream reported an error");
        return Task.CompletedTask;
    }
}
