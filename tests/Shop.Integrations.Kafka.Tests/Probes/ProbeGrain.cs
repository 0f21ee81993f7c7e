using Orleans.Streams;
using Orleans.Streams.Core;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>Records every probe event it handles in <see cref="ProbeLog"/>; throws on poison events.</summary>
[ImplicitStreamSubscription(ProbeCluster.Namespace)]
public sealed class ProbeGrain : Grain, IProbeGrain, IStreamSubscriptionObserver, IAsyncObserver<ProbeEvent>
{
    /// <inheritdoc />
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<ProbeEvent>().ResumeAsync(this);

    /// <inheritdoc />
    public Task OnNextAsync(ProbeEvent item, StreamSequenceToken? token = null)
    {
        if (item.Poison)
        {
            throw new InvalidOperationException($"Probe event {item.Number} is poison.");
        }

        ProbeLog.Record(this.GetPrimaryKeyString(), item.Number);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
