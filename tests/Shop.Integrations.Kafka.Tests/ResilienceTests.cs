using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>Silo and broker failures: the survivor takes over partitions, a broker outage delays events but loses none.</summary>
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

    /// <summary>A broker goes down while events are published and comes back: every event is still handled.</summary>
    [Fact]
    public async Task Events_published_while_a_broker_is_down_are_handled_once_it_is_back()
    {
        var streams = ProbeCluster.NewStreams(6);
        fixture.Kafka.BrokerDown(1);
        Task publishing;
        try
        {
            publishing = ProbeCluster.PublishRange(fixture.Cluster, streams, 1, 5);
            // Give the outage time to bite: partitions led by broker 1 cannot take writes until it is back.
            await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromSeconds(3)));
        }
        finally
        {
            fixture.Kafka.BrokerUp(1);
        }

        await publishing.WaitAsync(ProbeCluster.Deadline);
        await ProbeCluster.AllHandled(streams, 1, 5, ProbeCluster.Deadline);
    }

}
