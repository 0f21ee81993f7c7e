using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Orleans.TestingHost;

namespace Shop.Grains.Tests.Support;

/// <summary>One collector of an instrument per silo of a test cluster (an order's grains may live on either).</summary>
public sealed class SiloMetricCollectors<T> : IDisposable
    where T : struct
{
    private readonly IReadOnlyList<MetricCollector<T>> _silos;

    /// <summary>Starts collecting <paramref name="instrument"/> of <paramref name="meter"/> on every silo.</summary>
    public SiloMetricCollectors(InProcessTestCluster cluster, string meter, string instrument)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _silos = [.. cluster.Silos.Select(s => new MetricCollector<T>(s.ServiceProvider.GetRequiredService<IMeterFactory>(), meter, instrument))];
    }

    /// <summary>Every measurement recorded since the collectors started, from all silos.</summary>
    public IReadOnlyList<CollectedMeasurement<T>> Measurements() => [.. _silos.SelectMany(c => c.GetMeasurementSnapshot())];

    /// <summary>The sum of the measurements (a counter's increase).</summary>
    public long Sum() => Measurements().Sum(m => Convert.ToInt64(m.Value, CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var collector in _silos)
        {
            collector.Dispose();
        }
    }
}
