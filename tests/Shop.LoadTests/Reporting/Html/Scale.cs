using System.Globalization;

namespace Shop.LoadTests.Reporting.Html;

/// <summary>An axis: its range and kind, where a value falls on it (0 to 1) and its labelled ticks.</summary>
internal sealed record Scale(double Min, double Max, ScaleKind Kind)
{
    /// <summary>A linear axis from 0 (or the least value, when negative) up to a round number above the largest.</summary>
    public static Scale Linear(IEnumerable<double> values)
    {
        var list = values.DefaultIfEmpty(0).ToList();
        var max = list.Max();
        var step = NiceStep(max <= 0 ? 1 : max / 5);
        return new Scale(Math.Min(0, list.Min()), Math.Max(step, Math.Ceiling(max / step) * step), ScaleKind.Linear);
    }

    /// <summary>A log axis from the decade below the least positive value to the decade above the largest.</summary>
    public static Scale Log(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var low = Math.Pow(10, Math.Floor(Math.Log10(positive.Min())));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(positive.Max())));
        return new Scale(low, high > low ? high : low * 10, ScaleKind.Log);
    }

    /// <summary>A percentile axis to enough nines for <paramref name="count"/> samples (2 to 6 nines).</summary>
    public static Scale Nines(long count) =>
        new(0, Math.Clamp(Math.Ceiling(Math.Log10(Math.Max(count, 1))), 2, 6), ScaleKind.Nines);

    /// <summary>Where <paramref name="value"/> falls, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>, clamped.</summary>
    public double Position(double value)
    {
        var at = Kind switch
        {
            ScaleKind.Log => (Math.Log10(Math.Max(value, Min)) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)),
            ScaleKind.Nines => (value >= 100 ? Max : Math.Log10(100 / (100 - value))) / Max,
            _ => (value - Min) / (Max - Min),
        };
        return Math.Clamp(at, 0, 1);
    }

    /// <summary>The labelled ticks: round steps, decades, or 0%, 90%, 99%...</summary>
    public IReadOnlyList<(double Value, string Label)> Ticks() => Kind switch
    {
        ScaleKind.Log => [.. Decades().Select(v => (v, Number(v)))],
        ScaleKind.Nines => [.. Enumerable.Range(0, (int)Max + 1).Select(n => (100 - (100 / Math.Pow(10, n)), NinesLabel(n)))],
        _ => [.. Steps().Select(v => (v, Number(v)))],
    };

    private IEnumerable<double> Decades()
    {
        for (var v = Min; v <= Max * 1.0001; v *= 10)
        {
            yield return v;
        }
    }

    private IEnumerable<double> Steps()
    {
        var step = NiceStep((Max - Min) / 5);
        for (var v = Math.Ceiling(Min / step) * step; v <= Max + (step / 1000); v += step)
        {
            yield return Math.Round(v, 9);
        }
    }

    private static string NinesLabel(int nines) => nines switch
    {
        0 => "0%",
        1 => "90%",
        2 => "99%",
        _ => "99." + new string('9', nines - 2) + "%",
    };

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return power * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
    }

    private static string Number(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
