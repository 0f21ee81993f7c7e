namespace Shop.LoadTests.Reporting;

/// <summary>One point of a latency distribution: <see cref="Percentile"/> (0-100) of the iterations took at most <see cref="Ms"/>.</summary>
public sealed record PercentilePoint(double Percentile, double Ms);
