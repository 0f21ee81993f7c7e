using HdrHistogram;
using HdrHistogram.Iteration;

namespace Shop.LoadTests.Reporting;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double P999, double Max, double Mean)
{
    /// <summary>HdrHistogram's percentile distribution (five steps per halving of the distance to 100%), for plots.</summary>
    public IReadOnlyList<PercentilePoint> Distribution { get; init; } = [];

    /// <summary>Reads a microsecond histogram.</summary>
    public static LatencySummary From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }

        return new LatencySummary(
            histogram.TotalCount,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(95)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()),
            Math.Round(histogram.GetMean() / 1000.0, 3))
        {
            Distribution = DistributionOf(histogram),
        };
    }

    private static List<PercentilePoint> DistributionOf(HistogramBase histogram)
    {
        var points = new List<PercentilePoint>();
        foreach (HistogramIterationValue step in histogram.Percentiles(5))
        {
            var point = new PercentilePoint(Math.Round(step.PercentileLevelIteratedTo, 6), Ms(step.ValueIteratedTo));
            if (points.Count == 0 || points[^1] != point)
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
