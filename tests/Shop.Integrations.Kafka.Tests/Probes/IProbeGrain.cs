namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>An implicit subscriber of the <c>probe</c> namespace, keyed by stream key.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
}
