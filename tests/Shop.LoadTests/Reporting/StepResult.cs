namespace Shop.LoadTests.Reporting;

/// <summary>The latency of one named step over a run.</summary>
public sealed record StepResult(string Name, LatencySummary Latency);
