using HdrHistogram;

namespace Shop.LoadTests.Engine;

/// <summary>Latency histograms in microseconds, from 1 µs to 5 minutes at 3 significant digits.</summary>
public static class Histograms
{
    /// <summary>The longest latency recorded; longer ones are clamped to it.</summary>
    public const long MaxMicros = 300_000_000;

    /// <summary>A new empty histogram.</summary>
    public static LongHistogram Create() => new(MaxMicros, 3);

    /// <summary>Records <paramref name="micros"/>, clamped into the trackable range.</summary>
    public static void Record(LongHistogram histogram, long micros)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        histogram.RecordValue(Math.Clamp(micros, 1, MaxMicros));
    }
}
