using System.Globalization;

namespace Shop.LoadTests.Comparison;

/// <summary>
/// How much a number moves between two runs of the same code on this machine, per metric key, and where that
/// figure comes from (said in the comparison's output, so nobody mistakes a default for a measurement).
/// </summary>
public sealed record NoiseModel
{
    /// <summary>The default when there is nothing to measure the noise from.</summary>
    public const double DefaultNoise = 0.15;

    /// <summary>The least noise assumed for a metric, however close two earlier runs happened to be.</summary>
    public const double Floor = 0.05;

    /// <summary>Noise for keys without their own.</summary>
    public required double Fallback { get; init; }

    /// <summary>Noise by metric key.</summary>
    public IReadOnlyDictionary<string, double> ByKey { get; init; } = new Dictionary<string, double>();

    /// <summary>Where the figures come from, in a sentence.</summary>
    public required string Source { get; init; }

    /// <summary>The noise of <paramref name="metric"/>.</summary>
    public double Of(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return ByKey.TryGetValue(metric.Key, out var noise) ? noise : Fallback;
    }

    /// <summary>One figure for every metric, given on the command line.</summary>
    public static NoiseModel Given(double noise) => new()
    {
        Fallback = noise,
        Source = string.Create(CultureInfo.InvariantCulture, $"noise: {noise * 100:0}% for every metric (given with --noise)"),
    };

    /// <summary>The stated default, when fewer than two earlier runs exist.</summary>
    public static NoiseModel Default(string why) => new()
    {
        Fallback = DefaultNoise,
        Source = string.Create(CultureInfo.InvariantCulture, $"noise: {DefaultNoise * 100:0}% for every metric, a stated default ({why})"),
    };

    /// <summary>
    /// Per metric, the relative spread between two earlier runs (|a - b| / mean), at least <see cref="Floor"/>;
    /// metrics only one of them has get <see cref="DefaultNoise"/>.
    /// </summary>
    public static NoiseModel Spread(IReadOnlyList<Metric> a, IReadOnlyList<Metric> b, string source)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var other = b.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var byKey = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in a)
        {
            if (other.TryGetValue(metric.Key, out var value))
            {
                var mean = (Math.Abs(metric.Value) + Math.Abs(value)) / 2;
                byKey[metric.Key] = Math.Max(Floor, mean == 0 ? 0 : Math.Abs(metric.Value - value) / mean);
            }
        }

        return new NoiseModel { Fallback = DefaultNoise, ByKey = byKey, Source = source };
    }
}
