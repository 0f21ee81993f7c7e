using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;

namespace Shop.Integrations.Kafka.Tests;

/// <summary><c>AddKafkaStreams</c> on an Orleans client (<c>IClientBuilder</c>, as <c>UseOrleansClient</c> gives it).</summary>
[Collection(ProbeClusterDefinition.Name)]
public sealed class ClusterClientTests(ProbeClusterFixture fixture)
{
    /// <summary>Events a client publishes are written to the topic by the client and reach a silo's implicit subscriber.</summary>
    [Fact]
    public async Task Events_a_client_publishes_go_through_Kafka_to_a_silos_implicit_subscriber()
    {
        var key = Guid.NewGuid().ToString("N");
        var topic = new KafkaStreamOptions { TopicPrefix = fixture.TopicPrefix }.TopicFor(ProbeCluster.ProbeProvider);
        var writtenBefore = KafkaInspector.Written(fixture.Kafka.BootstrapServers, topic, ProbeCluster.Partitions);
        var stream = fixture.Cluster.Client.GetStreamProvider(ProbeCluster.ProbeProvider).GetStream<ProbeEvent>(StreamId.Create(ProbeCluster.Namespace, key));

        foreach (var number in new[] { 1, 2, 3 })
        {
            await stream.OnNextAsync(new ProbeEvent(number));
        }

        // The client's provider wrote them: each OnNextAsync returned once Kafka had acknowledged its message.
        Assert.Equal(writtenBefore + 3, KafkaInspector.Written(fixture.Kafka.BootstrapServers, topic, ProbeCluster.Partitions));
        await ProbeCluster.AllHandled([key], 1, 3, ProbeCluster.Deadline);
        Assert.Equal((1, 1, 1), (ProbeLog.Count(key, 1), ProbeLog.Count(key, 2), ProbeLog.Count(key, 3)));
    }
}
