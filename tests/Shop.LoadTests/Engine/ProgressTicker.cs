using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Shop.LoadTests.Reporting;

namespace Shop.LoadTests.Engine;

/// <summary>
/// The live progress line: elapsed time, current rate, p99 and errors over the last second. Every line is also kept
/// as a point of the run's timeline, which the HTML report plots.
/// </summary>
public sealed class ProgressTicker(string name, LoadModel model, WorkerRecorder[] recorders, long started, TextWriter output) : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<TimelinePoint> timeline = [];
    private readonly LongHistogram interval = Histograms.Create();
    private double lastAt;

    /// <summary>The intervals so far.</summary>
    public IReadOnlyList<TimelinePoint> Timeline => timeline;

    /// <summary>Prints a line every second until stopped.</summary>
    public async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var point = Drain();
                var phase = point.WarmUp ? " warm-up" : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{name}] {point.At,5:0}s/{(model.WarmUp + model.Duration).TotalSeconds:0}s{phase}  rate {point.Count,6}/s  p99 {point.P99,8:0.0} ms  errors {point.Errors}"));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the run.
        }
    }

    /// <summary>Stops the line, waits for it and keeps the last, partial interval.</summary>
    public async Task StopAsync(Task running)
    {
        ArgumentNullException.ThrowIfNull(running);
        await stop.CancelAsync();
        await running;
        if (Stopwatch.GetElapsedTime(started).TotalSeconds - lastAt > 0.05)
        {
            var last = Drain();
            if (last.Count == 0)
            {
                timeline.Remove(last);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => stop.Dispose();

    private TimelinePoint Drain()
    {
        interval.Reset();
        var errors = recorders.Sum(r => r.DrainInterval(interval));
        var at = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var point = new TimelinePoint(
            Math.Round(at, 3),
            Math.Round(at - lastAt, 3),
            interval.TotalCount,
            errors,
            Ms(interval, 50),
            Ms(interval, 99),
            interval.TotalCount == 0 ? 0 : Math.Round(interval.GetMaxValue() / 1000.0, 3),
            lastAt < model.WarmUp.TotalSeconds);
        lastAt = at;
        timeline.Add(point);
        return point;
    }

    private static double Ms(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetValueAtPercentile(percentile) / 1000.0, 3);
}
