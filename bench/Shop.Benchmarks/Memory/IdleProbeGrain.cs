namespace Shop.Benchmarks.Memory;

/// <summary>The empty grain behind <see cref="IIdleProbeGrain"/>.</summary>
public sealed class IdleProbeGrain : Grain, IIdleProbeGrain
{
    /// <inheritdoc />
    public Task Touch() => Task.CompletedTask;
}
