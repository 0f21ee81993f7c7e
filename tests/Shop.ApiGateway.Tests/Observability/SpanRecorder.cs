using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>An in-memory trace exporter: keeps every finished span the host's tracer provider exports.</summary>
public sealed class SpanRecorder : BaseExporter<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    /// <summary>The spans of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>Every span recorded so far.</summary>
    public IReadOnlyList<Activity> All => _spans.ToList();

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch)
        {
            _spans.Enqueue(span);
        }

        return ExportResult.Success;
    }
}
