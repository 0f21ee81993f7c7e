using System.Diagnostics;
using Shop.LoadTests.Api;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>What one iteration gets: the API, its worker (and that worker's prepared resources), its sequence number.</summary>
public sealed class IterationContext(ShopApi api, WorkerRecorder recorder, int worker, Random random, CancellationToken cancellationToken)
{
    /// <summary>The shop.</summary>
    public ShopApi Api => api;

    /// <summary>The worker's index, 0 to workers - 1: the key of its prepared user and cart.</summary>
    public int Worker => worker;

    /// <summary>The iteration's number in the run, from 0.</summary>
    public long Sequence { get; internal set; }

    /// <summary>The worker's own random numbers.</summary>
    public Random Random => random;

    /// <summary>Cancelled when the run is cut short.</summary>
    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Records a step that started at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Step(string name, long startedAt) =>
        recorder.Step(name, (long)Stopwatch.GetElapsedTime(startedAt).TotalMicroseconds);
}
