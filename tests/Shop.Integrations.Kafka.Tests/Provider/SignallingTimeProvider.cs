using Microsoft.Extensions.Time.Testing;

namespace Shop.Integrations.Kafka.Tests.Provider;

/// <summary>A fake clock that also tells when someone first reads it after <see cref="Arm"/>: a test waits on that to know a timed read is under way.</summary>
public sealed class SignallingTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource read = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool armed;

    /// <summary>Completes at the first read of the clock after <see cref="Arm"/>.</summary>
    public Task FirstRead => read.Task;

    /// <summary>From now on, the next read of the clock completes <see cref="FirstRead"/>.</summary>
    public void Arm() => armed = true;

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        // Read first, then signal: a test that advances the clock on the signal must find the reader's start before it.
        var now = base.GetTimestamp();
        if (armed)
        {
            read.TrySetResult();
        }

        return now;
    }
}
