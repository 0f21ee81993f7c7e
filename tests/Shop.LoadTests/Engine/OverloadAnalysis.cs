using Shop.LoadTests.Reporting;

namespace Shop.LoadTests.Engine;

/// <summary>Reads the overload model's numbers off the runs' second-by-second timelines.</summary>
public static class OverloadAnalysis
{
    /// <summary>Seconds of the rolling window the max is taken over (one second alone is too noisy).</summary>
    public const int MaxWindow = 3;

    /// <summary>
    /// How far the p99 may be above its normal value and count as recovered: 50% and 5 ms, as one second's p99 at a
    /// modest rate rests on few samples.
    /// </summary>
    public static double RecoveredP99(double normalP99) => Math.Max(normalP99 * 1.5, normalP99 + 5);

    /// <summary>The best goodput (successful iterations per second) over <see cref="MaxWindow"/> seconds in a row, warm-up excluded.</summary>
    public static double MaxGoodput(IReadOnlyList<TimelinePoint> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var measured = timeline.Where(p => !p.WarmUp).ToList();
        var width = Math.Min(MaxWindow, measured.Count);
        var best = 0.0;
        for (var i = 0; width > 0 && i + width <= measured.Count; i++)
        {
            best = Math.Max(best, Goodput(measured.GetRange(i, width)));
        }

        return Math.Round(best, 1);
    }

    /// <summary>Successful iterations per second over the intervals that ended after <paramref name="from"/> and by <paramref name="to"/> seconds.</summary>
    public static double Goodput(IReadOnlyList<TimelinePoint> timeline, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return Math.Round(Goodput(timeline.Where(p => p.At > from && p.At <= to).ToList()), 1);
    }

    /// <summary>
    /// Seconds after <paramref name="after"/> until every later interval's p99 stayed within
    /// <see cref="RecoveredP99"/>; null when the last interval is still above it.
    /// </summary>
    public static double? RecoverySeconds(IReadOnlyList<TimelinePoint> timeline, double after, double normalP99)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var recovery = timeline.Where(p => p.At > after).ToList();
        var limit = RecoveredP99(normalP99);
        if (recovery.Count == 0 || recovery[^1].P99 > limit)
        {
            return null;
        }

        var firstGood = recovery.Count;
        while (firstGood > 0 && recovery[firstGood - 1].P99 <= limit)
        {
            firstGood--;
        }

        var recoveredAt = recovery[firstGood].At - recovery[firstGood].Seconds;
        return Math.Round(Math.Max(0, recoveredAt - after), 1);
    }

    private static double Goodput(List<TimelinePoint> points)
    {
        var seconds = points.Sum(p => p.Seconds);
        return seconds > 0 ? points.Sum(p => p.Count - p.Errors) / seconds : 0;
    }
}
