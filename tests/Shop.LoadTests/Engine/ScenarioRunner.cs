using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Shop.LoadTests.Api;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Engine;

/// <summary>
/// Runs a scenario under a load model: prepares it, drives iterations from a fixed pool of workers (each with its own
/// recorder and random numbers), prints a progress line every second, merges the workers' histograms at the end and
/// checks the scenario's invariants.
/// </summary>
public sealed class ScenarioRunner(ShopApi api, ShopData shop, TextWriter progress, RunSettings settings)
{
    private static readonly TimeSpan DrainGrace = OrderTracking.StuckAfter + TimeSpan.FromSeconds(5);
    private int runs;

    /// <summary>
    /// Runs <paramref name="scenario"/> under <paramref name="model"/>; <paramref name="label"/> names it in the report.
    /// Cancelling <paramref name="cancellationToken"/> (Ctrl-C) stops preparation or the measured phase and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, LoadModel model, string? label = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        var name = label ?? scenario.Name;
        var workers = WorkersFor(scenario, model);
        var runId = string.Create(CultureInfo.InvariantCulture, $"{Environment.TickCount64 % 1_000_000_000:x}{Interlocked.Increment(ref runs)}");
        var preparation = new PreparationContext(api, workers, shop, runId, cancellationToken);
        await progress.WriteLineAsync($"[{name}] preparing {workers} workers ({model.Describe()}, {model.Duration.TotalSeconds:0}s + {model.WarmUp.TotalSeconds:0}s warm-up)");
        await scenario.PrepareAsync(preparation);

        var recorders = Enumerable.Range(0, workers).Select(_ => new WorkerRecorder()).ToArray();
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var ticker = new ProgressTicker(name, model, recorders, started, progress);
        var tickerTask = ticker.RunAsync();
        var notStarted = model is OpenModel open
            ? await RunOpenAsync(scenario, open, recorders, started, cut)
            : await RunClosedAsync(scenario, (ConcurrentUsers)model, recorders, started, cut);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await ticker.StopAsync(tickerTask);
        cancellationToken.ThrowIfCancellationRequested();

        var merged = new MergedResults { NotStarted = notStarted };
        foreach (var recorder in recorders)
        {
            recorder.MergeInto(merged);
        }

        var invariants = await scenario.VerifyAsync(preparation);
        return Summarise(scenario, model, name, workers, merged, invariants, elapsed) with { Timeline = [.. ticker.Timeline] };
    }

    private int WorkersFor(Scenario scenario, LoadModel model) => model switch
    {
        ConcurrentUsers users => users.Users,
        Burst burst => burst.Count,
        OpenModel open => (int)Math.Clamp(Math.Ceiling(open.PeakRate * scenario.TypicalIterationSeconds * 4), 8, settings.MaxConcurrency),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    private async Task<long> RunOpenAsync(Scenario scenario, OpenModel model, WorkerRecorder[] recorders, long started, CancellationTokenSource cut)
    {
        var due = Channel.CreateUnbounded<(long Sequence, long DueAt)>(new UnboundedChannelOptions { SingleWriter = true });
        var warmUpEnds = started + Ticks(model.WarmUp.TotalSeconds);
        var workers = recorders.Select((recorder, worker) => Task.Run(async () =>
        {
            var context = new IterationContext(api.RecordingInto(recorder), recorder, worker, new Random(worker), cut.Token);
            await foreach (var (sequence, dueAt) in due.Reader.ReadAllAsync(cut.Token).ConfigureAwait(false))
            {
                recorder.Measuring = dueAt >= warmUpEnds;
                context.Sequence = sequence;
                var outcome = await RunOneAsync(scenario, context);
                recorder.Iteration(Micros(Stopwatch.GetTimestamp() - dueAt), outcome);
            }
        })).ToArray();

        await ScheduleAsync(model, due.Writer, started, cut.Token);
        cut.CancelAfter(DrainGrace);
        await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        var left = 0L;
        while (due.Reader.TryRead(out _))
        {
            left++;
        }

        return left;
    }

    private static async Task ScheduleAsync(OpenModel model, ChannelWriter<(long, long)> due, long started, CancellationToken cancellationToken)
    {
        // Every iteration is written with the instant it was due, computed from the model, never from when the loop
        // got round to it: a late scheduler or a slow shop shows up as latency.
        for (long n = 0; ; n++)
        {
            var at = model.DueAt(n);
            if (at is null)
            {
                break;
            }

            var dueAt = started + Ticks(at.Value);
            var wait = dueAt - Stopwatch.GetTimestamp();
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (wait > Ticks(0.002))
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), CancellationToken.None);
            }

            due.TryWrite((n, dueAt));
        }

        due.Complete();
    }

    private async Task<long> RunClosedAsync(Scenario scenario, ConcurrentUsers model, WorkerRecorder[] recorders, long started, CancellationTokenSource cut)
    {
        var warmUpEnds = started + Ticks(model.WarmUp.TotalSeconds);
        var ends = warmUpEnds + Ticks(model.Duration.TotalSeconds);
        long sequence = -1;
        var users = recorders.Select((recorder, worker) => Task.Run(async () =>
        {
            var context = new IterationContext(api.RecordingInto(recorder), recorder, worker, new Random(worker), cut.Token);
            while (Stopwatch.GetTimestamp() is var now && now < ends && !cut.IsCancellationRequested)
            {
                recorder.Measuring = now >= warmUpEnds;
                context.Sequence = Interlocked.Increment(ref sequence);
                var outcome = await RunOneAsync(scenario, context);
                recorder.Iteration(Micros(Stopwatch.GetTimestamp() - now), outcome);
            }
        })).ToArray();
        cut.CancelAfter(model.WarmUp + model.Duration + DrainGrace);
        await Task.WhenAll(users.Select(u => u.ContinueWith(_ => { }, TaskScheduler.Default)));
        return 0;
    }

    private static async Task<Outcome> RunOneAsync(Scenario scenario, IterationContext context)
    {
        try
        {
            return await scenario.RunAsync(context);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return Outcome.Fail("cut short at the end of the run");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
        {
            return Outcome.Fail(e.GetType().Name);
        }
    }

    private ScenarioResult Summarise(
        Scenario scenario, LoadModel model, string name, int workers, MergedResults merged, IReadOnlyList<Invariant> invariants, TimeSpan elapsed)
    {
        var iterations = merged.Ok + merged.Failed + merged.NotStarted;
        var failed = merged.Failed + merged.NotStarted;
        var errors = new SortedDictionary<string, long>(merged.Errors, StringComparer.Ordinal);
        if (merged.NotStarted > 0)
        {
            errors["never started (queued when the run ended)"] = merged.NotStarted;
        }

        // A burst has no set duration: its measured time is until the last order was answered.
        var seconds = model is Burst ? elapsed.TotalSeconds : model.Duration.TotalSeconds;
        var errorRate = iterations == 0 ? 1 : (double)failed / iterations;
        return new ScenarioResult
        {
            Name = name,
            Model = model.Describe(),
            Workers = workers,
            Seconds = Math.Round(seconds, 2),
            Iterations = iterations,
            Failed = failed,
            ErrorRate = Math.Round(errorRate, 6),
            Throughput = Math.Round(merged.Ok / seconds, 1),
            Latency = LatencySummary.From(merged.Latency),
            Steps = [.. merged.Steps.Select(s => new StepResult(s.Key, LatencySummary.From(s.Value)))],
            Requests = [.. merged.Requests.Select(r => new StepResult(r.Key, LatencySummary.From(r.Value)))],
            Errors = errors,
            Invariants = invariants,
            Target = scenario.Target,
            Ceiling = scenario.Ceiling,
            CeilingValue = scenario.Ceiling is { } ceiling && settings.Ceilings.TryGetValue(ceiling, out var value) ? value : null,
            Passed = iterations > 0 && errorRate <= settings.MaxErrorRate && invariants.All(i => i.Holds),
        };
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private static long Micros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
