using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Benchmarks.Search;

/// <summary>
/// Index build time for N generated products and query latency percentiles per query kind, printed as a Markdown
/// table (BenchmarkDotNet reports means and P95, not p99, and times a rebuild too seldom to say much).
/// </summary>
public static class SearchLatencyMeasurement
{
    private const int WarmUpQueries = 200;
    private const int MeasuredQueries = 2_000;

    /// <summary>Builds the index and times the queries.</summary>
    public static async Task<int> RunAsync(int products)
    {
        var catalog = new CatalogBuilder().WithGenerated(products).Build();
        // The page cache off: the same query again must run on Lucene, not be answered from the cache.
        using var index = new LuceneProductSearchIndex(new LuceneSearchOptions { InMemory = true, SearchPageCacheSize = 0 });
        var building = Stopwatch.GetTimestamp();
        await index.Rebuild([.. catalog]);
        var build = Stopwatch.GetElapsedTime(building);
        Print($"Lucene index of {products} products (in memory): build {build.TotalSeconds:0.00} s; load average {LoadAverage()}");
        Print("");
        Print($"| query | p50 ms | p99 ms | max ms | matches |");
        Print("|---|---:|---:|---:|---:|");
        foreach (var (name, query) in SearchQueries.All)
        {
            var latency = new LongHistogram(60_000_000, 3);
            long total = 0;
            for (var i = 0; i < WarmUpQueries + MeasuredQueries; i++)
            {
                var started = Stopwatch.GetTimestamp();
                total = (await index.Search(query)).Total;
                if (i >= WarmUpQueries)
                {
                    latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds));
                }
            }

            Print($"| {name} | {latency.GetValueAtPercentile(50) / 1000.0:0.000} | {latency.GetValueAtPercentile(99) / 1000.0:0.000} | {latency.GetMaxValue() / 1000.0:0.000} | {total} |");
        }

        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Print(string line) => Console.WriteLine(line);
}
