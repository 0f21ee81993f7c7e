namespace Shop.LoadTests.Engine;

/// <summary>One constant rate of a <see cref="Phased"/> run.</summary>
/// <param name="Rate">Iterations per second.</param>
/// <param name="Duration">How long.</param>
public sealed record Phase(double Rate, TimeSpan Duration);
