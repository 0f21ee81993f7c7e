using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using Shop.Integrations.Kafka.Hosting;
using Shop.Integrations.Kafka.Testing;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>
/// A small test cluster with two Kafka providers on a mock cluster: <c>probe</c> (implicit probe grains, offsets
/// committed soon after delivery, give up on an event after 2 s) and <c>rewind</c> (explicit subscribers, messages
/// kept in the cache for rewinds). The cluster client has the <c>probe</c> provider as well.
/// </summary>
public static class ProbeCluster
{
    /// <summary>Stream namespace of the probes.</summary>
    public const string Namespace = "probe";

    /// <summary>Provider of the implicit probes.</summary>
    public const string ProbeProvider = "probe";

    /// <summary>Provider of the rewind probes.</summary>
    public const string RewindProvider = "rewind";

    /// <summary>How long a probe test waits for anything.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Partitions of every probe topic.</summary>
    public const int Partitions = 2;

    /// <summary>Creates the topics of both providers under <paramref name="prefix"/>.</summary>
    public static void CreateTopics(MockKafkaCluster kafka, string prefix)
    {
        var options = new KafkaStreamOptions { TopicPrefix = prefix };
        foreach (var provider in new[] { ProbeProvider, RewindProvider })
        {
            kafka.CreateTopic(options.TopicFor(provider), Partitions);
            kafka.CreateTopic(options.DeadLetterTopicFor(provider), Partitions);
        }
    }

    /// <summary>A new topic prefix, with its topics created.</summary>
    public static string FreshTopics(MockKafkaCluster kafka, string label)
    {
        var prefix = $"{label}-{Guid.NewGuid():N}-";
        CreateTopics(kafka, prefix);
        return prefix;
    }

    /// <summary>Keys of <paramref name="count"/> new streams.</summary>
    public static List<string> NewStreams(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToList();

    /// <summary>Starts a cluster of <paramref name="silos"/> silos whose consumer group is <paramref name="group"/>.</summary>
    public static async Task<InProcessTestCluster> StartAsync(MockKafkaCluster kafka, string prefix, string group, int silos = 1)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKafkaStreams(ProbeProvider, c =>
            {
                c.ConfigureKafka(o => Configure(o, kafka, prefix, group, TimeSpan.FromMilliseconds(200)));
                c.ConfigurePullingAgent(ob => ob.Configure(o => o.MaxEventDeliveryTime = TimeSpan.FromSeconds(2)));
            });
            silo.AddKafkaStreams(RewindProvider, c => c.ConfigureKafka(o => Configure(o, kafka, prefix, group, TimeSpan.FromMinutes(5))));
        });
        // The client produces straight to Kafka too (it never consumes: the silos' pulling agents do).
        builder.ConfigureClient(client => client.AddKafkaStreams(ProbeProvider, o => Configure(o, kafka, prefix, group, TimeSpan.FromMilliseconds(200))));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Publishes probe events on a stream of a provider, from a silo.</summary>
    public static async Task Publish(InProcessTestCluster cluster, string provider, string streamKey, params ProbeEvent[] events)
    {
        var stream = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IStreamProvider>(provider).GetStream<ProbeEvent>(StreamId.Create(Namespace, streamKey));
        foreach (var e in events)
        {
            await stream.OnNextAsync(e);
        }
    }

    /// <summary>Publishes events <paramref name="from"/>..<paramref name="to"/> on each stream of the probe provider.</summary>
    public static Task PublishRange(InProcessTestCluster cluster, List<string> streams, int from, int to) =>
        Task.WhenAll(streams.Select(s => Publish(cluster, ProbeProvider, s, Enumerable.Range(from, to - from + 1).Select(n => new ProbeEvent(n)).ToArray())));

    /// <summary>Waits until every event <paramref name="from"/>..<paramref name="to"/> of every stream was handled at least once.</summary>
    public static Task AllHandled(List<string> streams, int from, int to, TimeSpan deadline) =>
        Eventually.Until(
            () => Task.FromResult(streams.All(s => Enumerable.Range(from, to - from + 1).All(n => ProbeLog.Count(s, n) >= 1))),
            deadline,
            $"events {from}..{to} were not all handled");

    private static void Configure(KafkaStreamOptions options, MockKafkaCluster kafka, string prefix, string group, TimeSpan minTimeInCache)
    {
        options.BootstrapServers = kafka.BootstrapServers;
        options.TopicPrefix = prefix;
        options.Partitions = Partitions;
        options.ConsumerGroup = group;
        options.CreateTopics = false;
        options.MinTimeInCache = minTimeInCache;
    }
}
