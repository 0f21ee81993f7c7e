namespace Shop.LoadTests.Comparison;

/// <summary>What a comparison found.</summary>
public sealed record ComparisonResult
{
    /// <summary>Metrics that moved beyond their noise, the largest moves first.</summary>
    public required IReadOnlyList<MetricChange> Moved { get; init; }

    /// <summary>How many shared metrics stayed within their noise.</summary>
    public required int WithinNoise { get; init; }

    /// <summary>Keys only the current report has.</summary>
    public required IReadOnlyList<string> New { get; init; }

    /// <summary>Keys only the previous report has.</summary>
    public required IReadOnlyList<string> Gone { get; init; }

    /// <summary>Scenarios that passed before and fail now, or the other way round: "checkout: passed -> failed".</summary>
    public required IReadOnlyList<string> Verdicts { get; init; }

    /// <summary>Where the noise figures come from.</summary>
    public required string NoiseSource { get; init; }
}
