using System.ComponentModel.DataAnnotations;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>Traces, metrics and logs sent out over OTLP (<c>Shop:Telemetry</c>). Prometheus at <c>/metrics</c> is always on.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Telemetry";

    /// <summary>
    /// Where to send traces, metrics and logs over OTLP (gRPC, e.g. <c>http://localhost:4317</c>); unset (the default),
    /// nothing is exported and tracing costs only what the in-process listeners cost.
    /// </summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// The share of new traces that are recorded, 0 to 1 (default 1: every trace). A trace continued from a caller
    /// follows the caller's decision, so a sampled order stays whole across the saga.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SamplingRatio { get; set; } = 1.0;
}
