using BenchmarkDotNet.Running;
using Shop.Benchmarks;
using Shop.Benchmarks.Catalog;
using Shop.Benchmarks.Memory;
using Shop.Benchmarks.Search;

// `memory [carts] [hold-seconds]`: managed heap per idle cart activation and per empty grain; `search-latency [products]`: Lucene build time and query
// percentiles; `catalog [products]`: edit bytes, rebuild time and search latency during a rebuild; anything else goes to BenchmarkDotNet (`--filter '*'`, `--list flat`, ...), in process.
return args switch
{
    ["memory", .. var rest] => await CartMemoryMeasurement.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 0),
    ["catalog", .. var rest] => await CatalogRebuildMeasurement.RunAsync(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    ["search-latency", .. var rest] => await SearchLatencyMeasurement.RunAsync(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    _ => Run(args),
};

static int Run(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(InProcessConfig).Assembly).Run(args, new InProcessConfig());
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
