using System.Globalization;

namespace Shop.LoadTests.Engine;

/// <summary>
/// How iterations are started. Open models (constant rate, ramp, burst) fix when each iteration is due, whatever the
/// shop answers, so a slow answer shows as latency instead of silently lowering the load (no coordinated omission).
/// The closed model keeps a fixed number of users each running one iteration after the other.
/// </summary>
public abstract record LoadModel
{
    /// <summary>Measured phase length.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Warm-up before the measured phase (run, never reported).</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>How the model reads in a report.</summary>
    public abstract string Describe();
}

/// <summary>An open model: iterations due at computed instants.</summary>
public abstract record OpenModel : LoadModel
{
    /// <summary>Seconds after the start (warm-up included) at which iteration <paramref name="n"/> is due, or null past the end.</summary>
    public abstract double? DueAt(long n);

    /// <summary>The rate the load starts at (used to size prepared pools).</summary>
    public abstract double PeakRate { get; }
}

/// <summary>A constant arrival rate (the default): <see cref="Rate"/> iterations per second.</summary>
public sealed record ConstantRate : OpenModel
{
    /// <summary>Iterations per second.</summary>
    public required double Rate { get; init; }

    /// <inheritdoc />
    public override double PeakRate => Rate;

    /// <inheritdoc />
    public override double? DueAt(long n)
    {
        var at = n / Rate;
        return at < (WarmUp + Duration).TotalSeconds ? at : null;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant {Rate:0.#}/s");
}

/// <summary>A linear ramp from <see cref="From"/> to <see cref="To"/> iterations per second; the warm-up runs at <see cref="From"/>.</summary>
public sealed record Ramp : OpenModel
{
    /// <summary>Rate at the start of the measured phase.</summary>
    public required double From { get; init; }

    /// <summary>Rate at its end.</summary>
    public required double To { get; init; }

    /// <inheritdoc />
    public override double PeakRate => Math.Max(From, To);

    /// <inheritdoc />
    public override double? DueAt(long n)
    {
        var warm = WarmUp.TotalSeconds;
        var warmCount = warm * From;
        if (n < warmCount)
        {
            return n / From;
        }

        // Iterations due by t seconds into the ramp: From*t + k*t^2/2 with k the rate's slope; solved for t.
        var m = n - warmCount;
        var seconds = Duration.TotalSeconds;
        var slope = (To - From) / seconds;
        var t = Math.Abs(slope) < 1e-9 ? m / From : (-From + Math.Sqrt((From * From) + (2 * slope * m))) / slope;
        return double.IsNaN(t) || t >= seconds ? null : warm + t;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"ramp {From:0.#}/s to {To:0.#}/s");
}

/// <summary>All <see cref="Count"/> iterations due at once (a flash sale's race).</summary>
public sealed record Burst : OpenModel
{
    /// <summary>How many iterations.</summary>
    public required int Count { get; init; }

    /// <inheritdoc />
    public override double PeakRate => Count;

    /// <inheritdoc />
    public override double? DueAt(long n) => n < Count ? 0 : null;

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"burst of {Count}");
}

/// <summary>The closed model: <see cref="Users"/> users, each starting its next iteration when the last one ended.</summary>
public sealed record ConcurrentUsers : LoadModel
{
    /// <summary>Concurrent users.</summary>
    public required int Users { get; init; }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Users} concurrent users");
}
