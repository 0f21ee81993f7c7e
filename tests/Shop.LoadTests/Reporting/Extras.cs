using System.Text.Json;

namespace Shop.LoadTests.Reporting;

/// <summary>What bench/run.sh measured around the load suite: ceilings (per second) and other measurements.</summary>
public sealed record Extras
{
    /// <summary>Ceilings by name (<see cref="Engine.Ceilings"/>).</summary>
    public Dictionary<string, double> Ceilings { get; init; } = [];

    /// <summary>Other measurements.</summary>
    public List<Measurement> Measurements { get; init; } = [];

    /// <summary>Free-text notes (machine load, profile details).</summary>
    public List<string> Notes { get; init; } = [];

    /// <summary>Reads the file, or nothing when there is none.</summary>
    public static Extras Read(string? path) =>
        path is null ? new Extras() : JsonSerializer.Deserialize<Extras>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? new Extras();
}
