namespace Shop.LoadTests.Comparison;

/// <summary>
/// One number of a report that two reports can share: <see cref="Scenario"/> and <see cref="Name"/> make its key.
/// <see cref="Resolution"/> is the smallest change that means anything (0.5 ms of latency, 1/s of throughput).
/// </summary>
public sealed record Metric(string Scenario, string Name, double Value, string Unit, bool HigherIsBetter, double Resolution)
{
    /// <summary>The key that matches it across reports.</summary>
    public string Key => Scenario + " | " + Name;
}
