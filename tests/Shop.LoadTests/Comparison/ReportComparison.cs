using System.Globalization;
using Shop.LoadTests.Reporting;

namespace Shop.LoadTests.Comparison;

/// <summary>
/// Compares a report with the previous one of the same profile. A metric moved when its change exceeds both its noise
/// (relative to the previous value) and its resolution; the noise comes from the spread between the previous report
/// and the one before it when there is one, else from a stated default.
/// </summary>
public static class ReportComparison
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/> under <paramref name="noise"/>.</summary>
    public static ComparisonResult Compare(LoadReport current, LoadReport previous, NoiseModel noise)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(noise);
        var now = ByKey(ReportMetrics.Of(current));
        var before = ByKey(ReportMetrics.Of(previous));
        var moved = new List<MetricChange>();
        var within = 0;
        foreach (var (key, metric) in now)
        {
            if (!before.TryGetValue(key, out var earlier))
            {
                continue;
            }

            var change = new MetricChange(earlier, metric, noise.Of(metric));
            var delta = Math.Abs(metric.Value - earlier.Value);
            if (delta > metric.Resolution && delta > change.Noise * Math.Abs(earlier.Value))
            {
                moved.Add(change);
            }
            else
            {
                within++;
            }
        }

        return new ComparisonResult
        {
            Moved = [.. moved.OrderByDescending(c => Math.Abs(c.Relative))],
            WithinNoise = within,
            New = [.. now.Keys.Except(before.Keys, StringComparer.Ordinal)],
            Gone = [.. before.Keys.Except(now.Keys, StringComparer.Ordinal)],
            Verdicts = Verdicts(current, previous),
            NoiseSource = noise.Source,
        };
    }

    /// <summary>
    /// The noise for comparing with <paramref name="previous"/>: the spread between it and <paramref name="older"/>
    /// (the run before it) when there is one, else the default.
    /// </summary>
    public static NoiseModel NoiseFrom(LoadReport previous, LoadReport? older, string previousName, string? olderName)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (older is null)
        {
            return NoiseModel.Default($"only one earlier {previous.Profile} report");
        }

        var commits = previous.Machine.GitCommit == older.Machine.GitCommit
            ? $"same commit {previous.Machine.GitCommit}"
            : $"commits {older.Machine.GitCommit} and {previous.Machine.GitCommit} differ, so the spread includes code changes and overstates the noise";
        return NoiseModel.Spread(ReportMetrics.Of(previous), ReportMetrics.Of(older), string.Create(CultureInfo.InvariantCulture,
            $"noise: per metric, the spread between the two earlier {previous.Profile} reports {olderName} and {previousName} ({commits}), at least {NoiseModel.Floor * 100:0}%; "
            + $"{NoiseModel.DefaultNoise * 100:0}% for metrics only one of them has"));
    }

    private static List<string> Verdicts(LoadReport current, LoadReport previous)
    {
        var was = previous.Scenarios.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Passed, StringComparer.Ordinal);
        return [.. current.Scenarios
            .Where(s => was.TryGetValue(s.Name, out var passed) && passed != s.Passed)
            .Select(s => $"{s.Name}: {(s.Passed ? "failed -> passed" : "passed -> failed")}")];
    }

    private static Dictionary<string, Metric> ByKey(IReadOnlyList<Metric> metrics) =>
        metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
