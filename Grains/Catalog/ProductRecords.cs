using Orleans.Storage;
using Shop.Catalog;

namespace Shop.Grains.Catalog;

/// <summary>
/// Reads product records straight from the catalog storage, the source of truth, without activating the product
/// grains: a product grain writes its record before it publishes a change, so the record is never older than a change.
/// </summary>
public sealed class ProductRecords(IGrainStorage storage, IGrainFactory grains)
{
    /// <summary>How many records a rebuild reads at once.</summary>
    public const int ReadConcurrency = 32;

    /// <summary>The stored state of <paramref name="sku"/>, or null when the SKU never held a product.</summary>
    public async Task<ProductState?> Read(string sku)
    {
        var record = new GrainState<ProductState>(new ProductState());
        await storage.ReadStateAsync("state", grains.GetGrain<IProductGrain>(sku).GetGrainId(), record);
        return record.RecordExists ? record.State : null;
    }

    /// <summary>Every live product, found through the SKU shards.</summary>
    public async Task<IReadOnlyList<ProductDetails>> ReadAll(CancellationToken cancellationToken = default)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, CatalogShards.Count)
            .Select(shard => grains.GetGrain<ICatalogShardGrain>(shard).Skus()));
        var products = new System.Collections.Concurrent.ConcurrentBag<ProductDetails>();
        await Parallel.ForEachAsync(
            shards.SelectMany(skus => skus),
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (sku, _) =>
            {
                if ((await Read(sku))?.Product is { } product)
                {
                    products.Add(product);
                }
            });
        return [.. products];
    }
}
