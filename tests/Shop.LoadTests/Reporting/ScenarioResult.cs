using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Reporting;

/// <summary>One scenario run's results as reported.</summary>
public sealed record ScenarioResult
{
    /// <summary>Scenario name, with the run's flavour (e.g. "browse (max)").</summary>
    public required string Name { get; init; }

    /// <summary>The load model.</summary>
    public required string Model { get; init; }

    /// <summary>Workers (open model) or users (closed model).</summary>
    public required int Workers { get; init; }

    /// <summary>Measured seconds (warm-up excluded).</summary>
    public required double Seconds { get; init; }

    /// <summary>Measured iterations.</summary>
    public required long Iterations { get; init; }

    /// <summary>Iterations that failed (including those never started).</summary>
    public required long Failed { get; init; }

    /// <summary>Failed / iterations.</summary>
    public required double ErrorRate { get; init; }

    /// <summary>Successful iterations per second.</summary>
    public required double Throughput { get; init; }

    /// <summary>Iteration latency, from when each iteration was due (open models) or started (closed model).</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>The run second by second, warm-up included (flagged), as the progress line saw it.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; init; } = [];

    /// <summary>Step latencies.</summary>
    public required IReadOnlyList<StepResult> Steps { get; init; }

    /// <summary>Every HTTP request of the measured phase by outcome (served, refused 503, timed out…), with its latency.</summary>
    public IReadOnlyList<StepResult> Requests { get; init; } = [];

    /// <summary>What the overload model found, on its 10 x max run.</summary>
    public OverloadSummary? Overload { get; init; }

    /// <summary>Failures by reason.</summary>
    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    /// <summary>Checked invariants.</summary>
    public required IReadOnlyList<Invariant> Invariants { get; init; }

    /// <summary>The design's target for this scenario.</summary>
    public required string Target { get; init; }

    /// <summary>The ceiling compared with, when one applies.</summary>
    public string? Ceiling { get; init; }

    /// <summary>The ceiling's value (per second), when measured in the same run.</summary>
    public double? CeilingValue { get; init; }

    /// <summary>Throughput / ceiling.</summary>
    public double? RatioToCeiling => CeilingValue is > 0 ? Math.Round(Throughput / CeilingValue.Value, 4) : null;

    /// <summary>Error rate within the allowed one and every invariant holds.</summary>
    public required bool Passed { get; init; }
}
