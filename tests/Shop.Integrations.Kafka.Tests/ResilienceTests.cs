using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>
/// A silo failure at the provider level: the survivor takes over the partitions. The same failure, and a broker outage,
/// with the whole shop on top are in <see cref="ShopFailuresOnKafkaTests"/>.
/// </summary>
[Collection(ProbeClusterDefinition.Name)]
public sealed class ResilienceTests(ProbeClusterFixture fixture)
{
    /// <summary>One of two silos is killed without a graceful stop: the survivor reads its partitions and every event is handled.</summary>
    [Fact]
    public async Task A_killed_silo_hands_its_partitions_to_the_survivor_and_no_event_is_lost()
    {
        var streams = ProbeCluster.NewStreams(8);
        var cluster = await ProbeCluster.StartAsync(fixture.Kafka, ProbeCluster.FreshTopics(fixture.Kafka, "kill"), $"kill-{Guid.NewGuid():N}", silos: 2);
        try
        {
            await ProbeCluster.PublishRange(cluster, streams, 1, 5);
            await ProbeCluster.AllHandled(streams, 1, 5, ProbeCluster.Deadline);

            await cluster.KillSiloAsync(cluster.Silos[1]);
            await ProbeCluster.PublishRange(cluster, streams, 6, 10);

            await ProbeCluster.AllHandled(streams, 6, 10, ProbeCluster.Deadline);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
