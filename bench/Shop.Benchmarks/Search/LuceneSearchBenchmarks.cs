using BenchmarkDotNet.Attributes;
using Shop.Catalog;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Benchmarks.Search;

/// <summary>Queries on a Lucene index of 100,000 generated products (built once, in memory).</summary>
[MemoryDiagnoser]
public class LuceneSearchBenchmarks
{
    private LuceneProductSearchIndex index = null!;

    /// <summary>Generated products in the index (three hand-written ones come on top).</summary>
    [Params(100_000)]
    public int Products { get; set; }

    /// <summary>Builds the index.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The page cache off: the same query again must run on Lucene, not be answered from the cache.
        index = new LuceneProductSearchIndex(new LuceneSearchOptions { InMemory = true, SearchPageCacheSize = 0 });
        index.Rebuild([.. new CatalogBuilder().WithGenerated(Products).Build()]).GetAwaiter().GetResult();
    }

    /// <summary>Releases the index.</summary>
    [GlobalCleanup]
    public void Cleanup() => index.Dispose();

    /// <summary>One word with a typo.</summary>
    [Benchmark]
    public Task<ProductPage> Typo() => index.Search(SearchQueries.Typo);

    /// <summary>A prefix.</summary>
    [Benchmark]
    public Task<ProductPage> Prefix() => index.Search(SearchQueries.Prefix);

    /// <summary>Text, category, price range, sort and facets.</summary>
    [Benchmark]
    public Task<ProductPage> FilteredFaceted() => index.Search(SearchQueries.FilteredFaceted);
}
