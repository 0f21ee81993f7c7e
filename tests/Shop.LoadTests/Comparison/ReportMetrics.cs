using Shop.LoadTests.Reporting;

namespace Shop.LoadTests.Comparison;

/// <summary>The numbers of a report that are compared: per scenario throughput, latency percentiles, error rate and step p99s; and the measurements around the suite (ceilings, start time, memory).</summary>
public static class ReportMetrics
{
    private const double LatencyResolution = 0.5;

    /// <summary>Every compared number of <paramref name="report"/>.</summary>
    public static IReadOnlyList<Metric> Of(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = new List<Metric>();
        foreach (var s in report.Scenarios)
        {
            metrics.Add(new Metric(s.Name, "throughput", s.Throughput, "/s", HigherIsBetter: true, Resolution: 1));
            metrics.Add(Latency(s.Name, "p50", s.Latency.P50));
            metrics.Add(Latency(s.Name, "p99", s.Latency.P99));
            metrics.Add(Latency(s.Name, "p99.9", s.Latency.P999));
            metrics.Add(new Metric(s.Name, "error rate", s.ErrorRate, "", HigherIsBetter: false, Resolution: 0));
            metrics.AddRange(s.Steps.Select(step => Latency(s.Name, step.Name + " p99", step.Latency.P99)));
        }

        metrics.AddRange(report.Extras.Measurements.Select(m =>
            new Metric("measurement", m.Name, m.Value, m.Unit, HigherIsBetter: m.Unit.Contains("/s", StringComparison.Ordinal) || m.Unit == "tps", Resolution: 1)));
        return metrics;
    }

    private static Metric Latency(string scenario, string name, double ms) =>
        new(scenario, name, ms, "ms", HigherIsBetter: false, Resolution: LatencyResolution);
}
