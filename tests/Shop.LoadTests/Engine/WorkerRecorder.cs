using HdrHistogram;

namespace Shop.LoadTests.Engine;

/// <summary>
/// One worker's own results: nothing here is shared between workers, so recording takes an uncontended lock (the
/// progress line takes it once a second to read the interval). The runner merges every worker's at the end.
/// </summary>
public sealed class WorkerRecorder
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LongHistogram> steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LongHistogram> requests = new(StringComparer.Ordinal);
    private readonly LongHistogram total = Histograms.Create();
    private readonly LongHistogram interval = Histograms.Create();
    private long ok;
    private long failed;
    private long intervalFailed;

    /// <summary>Whether results are kept (false during warm-up).</summary>
    public bool Measuring { get; set; }

    /// <summary>Records one iteration.</summary>
    public void Iteration(long micros, Outcome outcome)
    {
        lock (gate)
        {
            Histograms.Record(interval, micros);
            if (!outcome.Ok)
            {
                intervalFailed++;
            }

            if (!Measuring)
            {
                return;
            }

            Histograms.Record(total, micros);
            if (outcome.Ok)
            {
                ok++;
                return;
            }

            failed++;
            var reason = outcome.Error ?? "unknown";
            errors[reason] = errors.GetValueOrDefault(reason) + 1;
        }
    }

    /// <summary>Records one named step of an iteration (e.g. POST-to-CONFIRMED).</summary>
    public void Step(string name, long micros) => RecordInto(steps, name, micros);

    /// <summary>Records one HTTP request by its outcome (<see cref="RequestOutcomes"/>).</summary>
    public void Request(string outcome, long micros) => RecordInto(requests, outcome, micros);

    /// <summary>Adds the interval since the last call to <paramref name="into"/> and starts a new one.</summary>
    public long DrainInterval(LongHistogram into)
    {
        ArgumentNullException.ThrowIfNull(into);
        lock (gate)
        {
            into.Add(interval);
            interval.Reset();
            var failures = intervalFailed;
            intervalFailed = 0;
            return failures;
        }
    }

    /// <summary>Adds this worker's results to <paramref name="merged"/>.</summary>
    public void MergeInto(MergedResults merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        lock (gate)
        {
            merged.Add(total, steps, errors, ok, failed);
            merged.AddRequests(requests);
        }
    }

    private void RecordInto(Dictionary<string, LongHistogram> histograms, string name, long micros)
    {
        lock (gate)
        {
            if (!Measuring)
            {
                return;
            }

            if (!histograms.TryGetValue(name, out var histogram))
            {
                histogram = Histograms.Create();
                histograms[name] = histogram;
            }

            Histograms.Record(histogram, micros);
        }
    }
}
