namespace Shop.LoadTests.Reporting;

/// <summary>
/// What the overload model found: the max (the best goodput the ramp reached), the goodput while 10 x max was offered,
/// and how long the p99 took to come back to its value at half max once the overload stopped.
/// </summary>
public sealed record OverloadSummary
{
    /// <summary>The max: the best goodput (successful iterations per second, over a few seconds) of the ramp.</summary>
    public required double Max { get; init; }

    /// <summary>The rate offered during the overload (10 x max).</summary>
    public required double Offered { get; init; }

    /// <summary>Successful iterations per second while the overload was offered.</summary>
    public required double Goodput { get; init; }

    /// <summary>Goodput / max.</summary>
    public double GoodputShare => Max > 0 ? Math.Round(Goodput / Max, 4) : 0;

    /// <summary>The iterations' p99 (ms) at half max before the overload: the normal value.</summary>
    public required double NormalP99 { get; init; }

    /// <summary>
    /// Seconds after the overload stopped until every later second's p99 stayed within the tolerance of
    /// <see cref="NormalP99"/>; null when it never came back in the recovery phase.
    /// </summary>
    public double? RecoverySeconds { get; init; }
}
