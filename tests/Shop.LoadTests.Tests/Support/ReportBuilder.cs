using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Tests.Support;

/// <summary>
/// Load reports made from a small synthetic run: latencies drawn from a fixed seed into real HdrHistograms, a
/// timeline per second with a warm-up, ceilings as bench/run.sh measures them. Nothing here talks to a shop.
/// </summary>
public sealed class ReportBuilder
{
    private readonly List<ScenarioResult> scenarios = [];
    private string profile = "synthetic";
    private string commit = "abc1234";
    private DateTimeOffset generatedAt = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private Dictionary<string, double> ceilings = new() { [Ceilings.KestrelJson] = 40_000, [Ceilings.PostgresUpsert] = 16_000, [Ceilings.RedisSet] = 30_000 };

    /// <summary>The profile.</summary>
    public ReportBuilder Profile(string name)
    {
        profile = name;
        return this;
    }

    /// <summary>The commit measured.</summary>
    public ReportBuilder Commit(string sha)
    {
        commit = sha;
        return this;
    }

    /// <summary>When the run ended.</summary>
    public ReportBuilder At(DateTimeOffset when)
    {
        generatedAt = when;
        return this;
    }

    /// <summary>No ceilings measured.</summary>
    public ReportBuilder WithoutCeilings()
    {
        ceilings = [];
        return this;
    }

    /// <summary>
    /// A scenario of <paramref name="seconds"/> seconds (plus 2 of warm-up) at <paramref name="throughput"/>/s whose
    /// latencies centre on <paramref name="medianMs"/> with a long tail; <paramref name="steps"/> get their own histograms.
    /// </summary>
    public ReportBuilder Scenario(string name, double throughput, double medianMs, string? ceiling = null, int seconds = 10, bool passed = true, params string[] steps)
    {
        var random = new Random(name.Length * 7919);
        var histogram = Fill(random, (int)Math.Min(throughput * seconds, 50_000), medianMs);
        var timeline = Enumerable.Range(1, seconds + 2)
            .Select(t => new TimelinePoint(t, 1, (long)(throughput * (0.9 + (random.NextDouble() * 0.2))), t == 5 ? 3 : 0,
                medianMs * (0.9 + (random.NextDouble() * 0.2)), medianMs * 4 * (0.8 + (random.NextDouble() * 0.6)), medianMs * 12 * (0.5 + random.NextDouble()), t <= 2))
            .ToList();
        scenarios.Add(new ScenarioResult
        {
            Name = name,
            Model = $"constant {throughput}/s",
            Workers = 32,
            Seconds = seconds,
            Iterations = histogram.TotalCount,
            Failed = passed ? 0 : 3,
            ErrorRate = passed ? 0 : 3.0 / histogram.TotalCount,
            Throughput = throughput,
            Latency = LatencySummary.From(histogram),
            Timeline = timeline,
            Steps = [.. steps.Select(s => new StepResult(s, LatencySummary.From(Fill(random, 2_000, medianMs * 3))))],
            Errors = passed ? new Dictionary<string, long>() : new Dictionary<string, long> { ["GET product: HTTP 503"] = 3 },
            Invariants = name.StartsWith("flash", StringComparison.Ordinal) ? [new Invariant("oversold", 0, 0), new Invariant("stuck", 0, 0)] : [],
            Target = "a target",
            Ceiling = ceiling,
            CeilingValue = ceiling is not null && ceilings.TryGetValue(ceiling, out var value) ? value : null,
            Passed = passed,
        });
        return this;
    }

    /// <summary>The report.</summary>
    public LoadReport Build() => new()
    {
        GeneratedAt = generatedAt,
        Profile = profile,
        Target = "http://127.0.0.1:5080/",
        Machine = new MachineInfo(2, 24_000, ".NET 10.0", "Debian GNU/Linux 12 (bookworm)", "1.00 1.00 1.00", commit),
        LoadAverageAtStart = "0.50 0.50 0.50",
        Extras = new Extras
        {
            Ceilings = ceilings,
            Measurements = [.. ceilings.Select(c => new Measurement { Name = "ceiling: " + c.Key, Value = c.Value, Unit = "req/s" })],
            Notes = ["Synthetic results made by the load suite's tests, not a measurement"],
        },
        Scenarios = [.. scenarios],
    };

    private static HdrHistogram.LongHistogram Fill(Random random, int count, double medianMs)
    {
        var histogram = Histograms.Create();
        for (var i = 0; i < count; i++)
        {
            // Log-normal around the median: most near it, a tail to a few tens of times it.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            Histograms.Record(histogram, (long)(medianMs * 1000 * Math.Exp(0.6 * gaussian)));
        }

        return histogram;
    }
}
