namespace Shop.Grains.Tests.Support;

/// <summary>Holds every search index rebuild at its start until released, so a test can act while one runs.</summary>
public sealed class RebuildHold : IDisposable
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a rebuild reached the index (it has read every product record by then).</summary>
    public Task Started => started.Task;

    /// <summary>Lets the held rebuilds go on.</summary>
    public void Release() => released.TrySetResult();

    /// <inheritdoc />
    public void Dispose() => Release();

    /// <summary>Called by the index at the start of a rebuild.</summary>
    internal Task Enter()
    {
        started.TrySetResult();
        return released.Task;
    }
}
