namespace Shop.Benchmarks.Memory;

/// <summary>
/// A grain with no state, no fields and no timers: its activations measure what Orleans itself keeps per activation
/// (the floor under any cart), the same way carts are measured.
/// </summary>
[Alias("shop.bench.IIdleProbeGrain")]
public interface IIdleProbeGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain; does nothing.</summary>
    [Alias("Touch")]
    Task Touch();
}
