using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Benchmarks.Hosting;
using Shop.Benchmarks.Search;
using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Benchmarks.Catalog;

/// <summary>
/// The catalog as a projection of the product records, at scale: a silo in this process (memory storage, Lucene in
/// memory) is filled through the product grains; then the bytes one edit writes (the product record, serialized as
/// the binary storage providers store it) at 1,000 products and at the full size, against the one record the former
/// index grain rewrote on every change; then a rebuild from the product records, timed, with searches running
/// through the search grain all the while (their latency, and the same searches with no rebuild running).
/// </summary>
public static class CatalogRebuildMeasurement
{
    private const int Writers = 32;
    private const int Searchers = 4;

    /// <summary>Runs the measurement with <paramref name="products"/> products and prints the figures.</summary>
    public static async Task<int> RunAsync(int products)
    {
        using var host = BenchSilo.Build("bench-catalog", builder => builder.Services.Configure<SiloMessagingOptions>(
            options => options.ResponseTimeout = TimeSpan.FromMinutes(10)));
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Catalog);
        var serializer = host.Services.GetRequiredService<Serializer>();
        var catalog = new CatalogBuilder().WithGenerated(products).Build().Take(products).ToList();

        var watch = Stopwatch.StartNew();
        await Create(grains, catalog.Take(1_000));
        var smallEdit = await EditBytes(grains, storage, serializer, catalog[0]);
        await Create(grains, catalog.Skip(1_000));
        var created = watch.Elapsed;
        var largeEdit = await EditBytes(grains, storage, serializer, catalog[0]);
        var shard = await RecordBytes<CatalogShardState>(storage, serializer, grains.GetGrain<ICatalogShardGrain>(CatalogShards.Of(catalog[0].Sku)).GetGrainId());
        var formerIndex = serializer.SerializeToArray(new CatalogIndexState
        {
            Products = catalog.ToDictionary(product => product.Sku, StringComparer.Ordinal),
        }).Length;

        var search = grains.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key);
        var quiet = await SearchWhile(search, Task.Delay(TimeSpan.FromSeconds(10)));
        watch.Restart();
        var rebuild = search.Rebuild();
        var during = await SearchWhile(search, rebuild);
        var rebuilt = watch.Elapsed;

        Print($"products={products} created_in_s={created.TotalSeconds:0.0}");
        Print($"edit_bytes_at_1000={smallEdit} edit_bytes_at_{products}={largeEdit} (records written by an edit: the product's only)");
        Print($"shard_record_bytes_at_{products}={shard} (written only when a product is created or deleted)");
        Print($"former_index_record_bytes_at_{products}={formerIndex} (rewritten on every change before)");
        Print($"rebuild_s={rebuilt.TotalSeconds:0.00} indexed={await rebuild}");
        Print($"search_quiet: {quiet}");
        Print($"search_during_rebuild: {during}");
        await host.StopAsync();
        return 0;
    }

    private static Task Create(IGrainFactory grains, IEnumerable<ProductDetails> products) =>
        Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (product, _) =>
            await grains.GetGrain<IProductGrain>(product.Sku).Create(Draft(product)));

    private static ProductDraft Draft(ProductDetails product) => new()
    {
        Name = product.Name,
        Description = product.Description,
        Price = product.Price,
        Category = product.Category,
        Attributes = product.Attributes,
        Published = product.Published,
    };

    private static async Task<int> EditBytes(IGrainFactory grains, IGrainStorage storage, Serializer serializer, ProductDetails product)
    {
        var grain = grains.GetGrain<IProductGrain>(product.Sku);
        await grain.Update(Draft(product) with { Name = product.Name + " (edited)" });
        return await RecordBytes<ProductState>(storage, serializer, grain.GetGrainId());
    }

    private static async Task<int> RecordBytes<T>(IGrainStorage storage, Serializer serializer, GrainId grain)
        where T : new()
    {
        var record = new GrainState<T>(new T());
        await storage.ReadStateAsync("state", grain, record);
        return serializer.SerializeToArray(record.State).Length;
    }

    private static async Task<Latency> SearchWhile(ICatalogIndexGrain search, Task running)
    {
        var histogram = new LongHistogram(600_000_000, 3);
        var queries = SearchQueries.All.Values.ToArray();
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, Searchers).Select(async searcher =>
        {
            for (var i = searcher; !running.IsCompleted; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await search.Search(queries[i % queries.Length]);
                lock (histogram)
                {
                    histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds));
                    count++;
                }
            }
        }));
        await running;
        return new Latency(count, histogram.GetValueAtPercentile(50) / 1000.0, histogram.GetValueAtPercentile(99) / 1000.0, histogram.GetMaxValue() / 1000.0);
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private sealed record Latency(int Searches, double P50, double P99, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"searches={Searches} p50_ms={P50:0.00} p99_ms={P99:0.00} max_ms={Max:0.00}");
    }
}
