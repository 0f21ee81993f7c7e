using Orleans.Streams;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>Subscribes explicitly to its stream on a provider and keeps what it received.</summary>
public sealed class RewindProbeGrain : Grain, IRewindProbeGrain, IAsyncObserver<ProbeEvent>
{
    private readonly List<(int Number, StreamSequenceToken Token)> received = [];
    private StreamSubscriptionHandle<ProbeEvent>? handle;

    /// <inheritdoc />
    public async Task Subscribe(string provider) =>
        handle = await this.GetStreamProvider(provider).GetStream<ProbeEvent>(StreamId.Create(ProbeCluster.Namespace, this.GetPrimaryKeyString())).SubscribeAsync(this);

    /// <inheritdoc />
    public Task<List<(int Number, StreamSequenceToken Token)>> Received() => Task.FromResult(received.ToList());

    /// <inheritdoc />
    public async Task ResumeFrom(StreamSequenceToken token) =>
        handle = await (handle ?? throw new InvalidOperationException("Not subscribed.")).ResumeAsync(this, token);

    /// <inheritdoc />
    public Task OnNextAsync(ProbeEvent item, StreamSequenceToken? token = null)
    {
        received.Add((item.Number, token!));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
