namespace Shop.LoadTests.Comparison;

/// <summary>A metric that moved beyond its noise between the previous report and this one.</summary>
public sealed record MetricChange(Metric Previous, Metric Current, double Noise)
{
    /// <summary>The relative change (0.1 is 10% up); infinite from zero.</summary>
    public double Relative => Previous.Value == 0
        ? (Current.Value == 0 ? 0 : double.PositiveInfinity * Math.Sign(Current.Value))
        : (Current.Value - Previous.Value) / Math.Abs(Previous.Value);

    /// <summary>Whether the move is for the better.</summary>
    public bool Better => Current.HigherIsBetter ? Current.Value > Previous.Value : Current.Value < Previous.Value;
}
