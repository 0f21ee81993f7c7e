using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Shop.Benchmarks;

/// <summary>
/// Every benchmark runs in this process with the in-process emit toolchain: BenchmarkDotNet's default toolchain
/// generates and builds a child project, and that build pulls a Roslyn which collides with the Orleans SDK's source
/// generator (and takes minutes on a busy machine). In process, nothing is built at run time. The price is no process
/// isolation between benchmarks, acceptable for these CPU-bound micro benchmarks.
/// </summary>
public sealed class InProcessConfig : ManualConfig
{
    /// <summary>A short in-process job with memory diagnostics and median/P95 columns.</summary>
    public InProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "shop-benchmarks");
    }
}
