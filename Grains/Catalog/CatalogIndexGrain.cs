using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Storage;
using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The search entry (a stateless worker: local activations on every silo, added under load), so searches never queue
/// on one activation. It reads only the <see cref="IProductSearchIndex"/> and holds no state; reentrant, so a
/// rebuild running in an activation does not hold up the searches it receives. A rebuild reads the product records
/// through the SKU shards, replaces the index and lets the projection write again what changed meanwhile.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class CatalogIndexGrain(
    [FromKeyedServices(StorageNames.Catalog)] IGrainStorage storage,
    IProductSearchIndex index,
    ILogger<CatalogIndexGrain> logger) : Grain, ICatalogIndexGrain
{
    /// <summary>How often a rebuild is tried when the projection restarts while it runs.</summary>
    public const int RebuildAttempts = 3;

    private Task? projectionAwake;

    private ICatalogProjectionGrain Projection => GrainFactory.GetGrain<ICatalogProjectionGrain>(ICatalogIndexGrain.Key);

    /// <inheritdoc />
    public async Task<ProductPage> Search(ProductQuery query)
    {
        ProductFilter.Validate(query);
        // The projection checks the index when it activates (a lost index is rebuilt); the first search wakes it.
        await (projectionAwake ??= Projection.Wake());
        // Lucene answers synchronously: on the thread pool, interleaved searches use every core.
        return await Task.Run(() => index.Search(query));
    }

    /// <inheritdoc />
    public async Task<long> Rebuild()
    {
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var rebuild = await Projection.BeginRebuild();
            IReadOnlyList<ProductDetails> products;
            try
            {
                products = await new ProductRecords(storage, GrainFactory).ReadAll();
                await index.Rebuild(products.ToList());
            }
            catch
            {
                // Forget the rebuild, so the projection stops remembering changes for it.
                await Projection.CompleteRebuild(rebuild, -1);
                throw;
            }

            if (await Projection.CompleteRebuild(rebuild, products.Count))
            {
                logger.LogInformation("Rebuilt the search index from {Count} product records in {Elapsed}", products.Count, watch.Elapsed);
                return products.Count;
            }

            if (attempt == RebuildAttempts)
            {
                throw new InvalidOperationException($"The catalog projection restarted during each of {RebuildAttempts} rebuilds.");
            }

            logger.LogWarning("The catalog projection restarted while the search index was rebuilt; rebuilding again");
        }
    }

    /// <inheritdoc />
    public Task Apply(ProductChanged change) => Projection.Apply(change);
}
