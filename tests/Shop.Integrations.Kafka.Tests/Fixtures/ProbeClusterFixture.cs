using Orleans.TestingHost;
using Shop.Integrations.Kafka.Testing;
using Shop.Integrations.Kafka.Tests.Probes;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>A mock Kafka cluster and a one-silo probe cluster on it; tests may start more clusters on the same mock.</summary>
public sealed class ProbeClusterFixture : IAsyncLifetime
{
    /// <summary>The mock Kafka cluster.</summary>
    public MockKafkaCluster Kafka { get; } = MockKafkaCluster.Start();

    /// <summary>Topic prefix of the shared probe cluster.</summary>
    public string TopicPrefix { get; } = $"probe-{Guid.NewGuid():N}-";

    /// <summary>Consumer group of the shared probe cluster.</summary>
    public string Group { get; } = $"probe-{Guid.NewGuid():N}";

    /// <summary>The shared probe cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ProbeCluster.CreateTopics(Kafka, TopicPrefix);
        Cluster = await ProbeCluster.StartAsync(Kafka, TopicPrefix, Group);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        Kafka.Dispose();
    }
}
