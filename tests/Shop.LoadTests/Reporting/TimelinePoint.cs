namespace Shop.LoadTests.Reporting;

/// <summary>
/// One interval of a run (about a second) as the progress line saw it: iterations that ended in it, their failures
/// and latency percentiles in milliseconds. <see cref="At"/> is the interval's end in seconds since the run started.
/// </summary>
public sealed record TimelinePoint(double At, double Seconds, long Count, long Errors, double P50, double P99, double Max, bool WarmUp)
{
    /// <summary>Iterations per second over the interval.</summary>
    public double Rate => Seconds > 0 ? Math.Round(Count / Seconds, 1) : 0;
}
