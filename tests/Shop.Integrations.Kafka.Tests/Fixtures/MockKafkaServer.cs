using Shop.Integrations.Kafka.Testing;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>A mock Kafka cluster of three brokers shared by the tests of a collection; each test uses topics of its own.</summary>
public sealed class MockKafkaServer : IDisposable
{
    /// <summary>The mock cluster.</summary>
    public MockKafkaCluster Kafka { get; } = MockKafkaCluster.Start();

    /// <inheritdoc />
    public void Dispose() => Kafka.Dispose();
}
