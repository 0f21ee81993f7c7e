using HdrHistogram;

namespace Shop.LoadTests.Engine;

/// <summary>Every worker's results of one scenario run, merged.</summary>
public sealed class MergedResults
{
    /// <summary>Iteration latencies (µs), measured from when each iteration was due.</summary>
    public LongHistogram Latency { get; } = Histograms.Create();

    /// <summary>Step latencies (µs) by step name.</summary>
    public SortedDictionary<string, LongHistogram> Steps { get; } = new(StringComparer.Ordinal);

    /// <summary>HTTP request latencies (µs) by outcome (<see cref="RequestOutcomes"/>).</summary>
    public SortedDictionary<string, LongHistogram> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Failures by reason.</summary>
    public SortedDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Iterations that ended well.</summary>
    public long Ok { get; private set; }

    /// <summary>Iterations that failed.</summary>
    public long Failed { get; private set; }

    /// <summary>Iterations that never ran because the run ended with them still queued (counted as failures too).</summary>
    public long NotStarted { get; set; }

    internal void Add(LongHistogram total, Dictionary<string, LongHistogram> steps, Dictionary<string, long> errors, long ok, long failed)
    {
        Latency.Add(total);
        AddAll(Steps, steps);

        foreach (var (reason, count) in errors)
        {
            Errors[reason] = Errors.GetValueOrDefault(reason) + count;
        }

        Ok += ok;
        Failed += failed;
    }

    internal void AddRequests(Dictionary<string, LongHistogram> requests) => AddAll(Requests, requests);

    private static void AddAll(SortedDictionary<string, LongHistogram> into, Dictionary<string, LongHistogram> from)
    {
        foreach (var (name, histogram) in from)
        {
            if (!into.TryGetValue(name, out var merged))
            {
                merged = Histograms.Create();
                into[name] = merged;
            }

            merged.Add(histogram);
        }
    }
}
