namespace Shop.LoadTests.Reporting;

/// <summary>A whole report: where and when, what was measured around the suite, and every scenario's results.</summary>
public sealed record LoadReport
{
    /// <summary>When the run ended (UTC).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Profile name (embedded, postgres-redis-kafka, ...).</summary>
    public required string Profile { get; init; }

    /// <summary>The shop's address.</summary>
    public required string Target { get; init; }

    /// <summary>The machine and commit.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>/proc/loadavg when the suite started.</summary>
    public required string LoadAverageAtStart { get; init; }

    /// <summary>Ceilings and other measurements from bench/run.sh.</summary>
    public required Extras Extras { get; init; }

    /// <summary>Scenario results in run order.</summary>
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    /// <summary>Whether every scenario passed.</summary>
    public bool Passed => Scenarios.All(s => s.Passed);
}
