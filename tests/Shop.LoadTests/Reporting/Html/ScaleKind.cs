namespace Shop.LoadTests.Reporting.Html;

/// <summary>How an axis maps values to positions.</summary>
internal enum ScaleKind
{
    /// <summary>Evenly.</summary>
    Linear,

    /// <summary>By decades (latencies spanning 0.1 ms to seconds).</summary>
    Log,

    /// <summary>Percentiles by their nines: 0%, 90%, 99%, 99.9%... equally spaced (HdrHistogram's plots).</summary>
    Nines,
}
