namespace Shop.LoadTests.Reporting;

/// <summary>A number measured outside the load suite (start time, memory per cart, a ceiling) as bench/run.sh reports it.</summary>
public sealed record Measurement
{
    /// <summary>What was measured.</summary>
    public required string Name { get; init; }

    /// <summary>The value.</summary>
    public required double Value { get; init; }

    /// <summary>Its unit.</summary>
    public required string Unit { get; init; }

    /// <summary>The design's target, as text.</summary>
    public string? Target { get; init; }

    /// <summary>How it was measured.</summary>
    public string? Command { get; init; }
}
