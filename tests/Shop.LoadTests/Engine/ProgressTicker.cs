using System.Diagnostics;
using System.Globalization;

namespace Shop.LoadTests.Engine;

/// <summary>The live progress line: elapsed time, current rate, p99 and errors over the last second.</summary>
public sealed class ProgressTicker(string name, LoadModel model, WorkerRecorder[] recorders, long started, TextWriter output) : IDisposable
{
    private readonly CancellationTokenSource stop = new();

    /// <summary>Prints a line every second until stopped.</summary>
    public async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var interval = Histograms.Create();
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                interval.Reset();
                var errors = recorders.Sum(r => r.DrainInterval(interval));
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var phase = elapsed < model.WarmUp.TotalSeconds ? " warm-up" : "";
                var p99 = interval.TotalCount == 0 ? 0 : interval.GetValueAtPercentile(99) / 1000.0;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{name}] {elapsed,5:0}s/{(model.WarmUp + model.Duration).TotalSeconds:0}s{phase}  rate {interval.TotalCount,6}/s  p99 {p99,8:0.0} ms  errors {errors}"));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the run.
        }
    }

    /// <summary>Stops the line and waits for it.</summary>
    public async Task StopAsync(Task running)
    {
        ArgumentNullException.ThrowIfNull(running);
        await stop.CancelAsync();
        await running;
    }

    /// <inheritdoc />
    public void Dispose() => stop.Dispose();
}
