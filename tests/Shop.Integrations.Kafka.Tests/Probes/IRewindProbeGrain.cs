using Orleans.Streams;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>An explicit subscriber of one stream of the <c>rewind</c> provider that can resume from a token.</summary>
public interface IRewindProbeGrain : IGrainWithStringKey
{
    /// <summary>Subscribes from now on.</summary>
    Task Subscribe();

    /// <summary>Numbers received so far, with their tokens, in order.</summary>
    Task<List<(int Number, StreamSequenceToken Token)>> Received();

    /// <summary>Resumes the subscription from an older token.</summary>
    Task ResumeFrom(StreamSequenceToken token);
}
