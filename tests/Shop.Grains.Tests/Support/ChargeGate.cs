namespace Shop.Grains.Tests.Support;

/// <summary>One held charge: <see cref="Entered"/> completes when the charge reached the provider.</summary>
public sealed class ChargeGate
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held charge is in flight.</summary>
    public Task Entered => entered.Task;

    /// <summary>Lets the charge answer.</summary>
    public void Open() => opened.TrySetResult();

    /// <summary>Makes the charge's answer fail, as a timeout would (the charge itself was made).</summary>
    public void Lose() => opened.TrySetException(new TimeoutException("Injected: the provider's answer was lost."));

    internal Task Pass()
    {
        entered.TrySetResult();
        return opened.Task;
    }
}
