using System.Globalization;

namespace Shop.LoadTests.Engine;

/// <summary>
/// Constant rates one after the other in one run (no warm-up): the overload model's 10 x max followed at once by half
/// of max, so the recovery is measured from the instant the overload ends.
/// </summary>
public sealed record Phased : OpenModel
{
    /// <summary>The phases in order.</summary>
    public required IReadOnlyList<Phase> Phases { get; init; }

    /// <inheritdoc />
    public override double PeakRate => Phases.Max(p => p.Rate);

    /// <summary>A run of <paramref name="phases"/>; its duration is theirs together.</summary>
    public static Phased Of(params Phase[] phases) =>
        new() { Phases = phases, Duration = TimeSpan.FromTicks(phases.Sum(p => p.Duration.Ticks)) };

    /// <inheritdoc />
    public override double? DueAt(long n)
    {
        var start = 0.0;
        var before = 0.0;
        foreach (var phase in Phases)
        {
            var count = phase.Rate * phase.Duration.TotalSeconds;
            if (n < before + count)
            {
                return start + ((n - before) / phase.Rate);
            }

            before += count;
            start += phase.Duration.TotalSeconds;
        }

        return null;
    }

    /// <inheritdoc />
    public override string Describe() => string.Join(", then ", Phases.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Rate:0.#}/s for {p.Duration.TotalSeconds:0}s")));
}
