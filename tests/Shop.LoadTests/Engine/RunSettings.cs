namespace Shop.LoadTests.Engine;

/// <summary>Settings of the runner that hold for every scenario of a run.</summary>
public sealed record RunSettings
{
    /// <summary>The highest error rate a scenario may have and still pass (0 by default).</summary>
    public double MaxErrorRate { get; init; }

    /// <summary>Most workers of an open model.</summary>
    public int MaxConcurrency { get; init; } = 2_000;

    /// <summary>Ceilings measured in the same run (per second), by name.</summary>
    public IReadOnlyDictionary<string, double> Ceilings { get; init; } = new Dictionary<string, double>();
}
