using BenchmarkDotNet.Attributes;
using Lucene.Net.Search;
using Shop.Integrations.Search.Lucene;

namespace Shop.Benchmarks.Search;

/// <summary>Turning shopper text into a Lucene query (analysis, then term, prefix and fuzzy clauses per token).</summary>
[MemoryDiagnoser]
public class SearchQueryBuildingBenchmarks
{
    private readonly ProductAnalyzer analyzer = new();
    private ProductQueryBuilder builder = null!;

    /// <summary>Creates the builder.</summary>
    [GlobalSetup]
    public void Setup() => builder = new ProductQueryBuilder(analyzer, new FuzzyAutomataCache(capacity: 0));

    /// <summary>Releases the analyser.</summary>
    [GlobalCleanup]
    public void Cleanup() => analyzer.Dispose();

    /// <summary>Three words, one with a typo.</summary>
    [Benchmark]
    public Query ThreeWordsWithTypo() => builder.Text("wireless noise cancelling headphnoes");

    /// <summary>Text plus category, price and sort.</summary>
    [Benchmark]
    public Filter? FilterAndSort()
    {
        _ = ProductQueryBuilder.Sort(SearchQueries.FilteredFaceted);
        return ProductQueryBuilder.Filter(SearchQueries.FilteredFaceted);
    }
}
