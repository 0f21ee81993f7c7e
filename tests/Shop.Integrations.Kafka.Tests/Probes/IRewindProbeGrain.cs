using Orleans.Streams;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>An explicit subscriber of one stream (of the provider it is told) that can resume from a token.</summary>
public interface IRewindProbeGrain : IGrainWithStringKey
{
    /// <summary>Subscribes from now on to its stream of <paramref name="provider"/>.</summary>
    Task Subscribe(string provider);

    /// <summary>Numbers received so far, with their tokens, in order.</summary>
    Task<List<(int Number, StreamSequenceToken Token)>> Received();

    /// <summary>Resumes the subscription from an older token.</summary>
    Task ResumeFrom(StreamSequenceToken token);
}
