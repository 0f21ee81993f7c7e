using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Shop.Integrations.Kafka.Testing;

namespace Shop.Integrations.Kafka.Tests.Provider;

/// <summary>Builds the provider's parts on their own, against a mock cluster, for tests of one part at a time.</summary>
public sealed class ProviderParts
{
    /// <summary>Provider name of the parts.</summary>
    public const string Provider = "parts";

    private static readonly Lazy<Serializer> SharedSerializer = new(() => new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    /// <summary>Options on fresh topics (one partition) of <paramref name="kafka"/>, with the topics created.</summary>
    public ProviderParts(MockKafkaCluster kafka, TimeSpan startupTimeout)
    {
        Options = new KafkaStreamOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            TopicPrefix = $"parts-{Guid.NewGuid():N}-",
            Partitions = 1,
            ConsumerGroup = $"parts-{Guid.NewGuid():N}",
            FetchWaitMax = TimeSpan.FromMilliseconds(5),
            StartupTimeout = startupTimeout,
        };
        kafka.CreateTopic(Topic, 1);
        kafka.CreateTopic(DeadLetterTopic, 1);
    }

    /// <summary>The options.</summary>
    public KafkaStreamOptions Options { get; }

    /// <summary>The provider's topic.</summary>
    public string Topic => Options.TopicFor(Provider);

    /// <summary>The provider's dead-letter topic.</summary>
    public string DeadLetterTopic => Options.DeadLetterTopicFor(Provider);

    /// <summary>The Orleans serializer.</summary>
    public static Serializer Serializer => SharedSerializer.Value;

    /// <summary>A rewind reader of the topic's only partition.</summary>
    internal KafkaRewindReader RewindReader(TimeProvider time) =>
        new(Options, new TopicPartition(Topic, 0), Serializer, time, NullLogger.Instance);

    /// <summary>A dead-letter writer of the provider.</summary>
    internal KafkaDeadLetterWriter DeadLetterWriter(IProducer<byte[]?, byte[]> producer, KafkaStreamMetrics metrics) =>
        new(Options, Provider, producer, metrics, NullLogger.Instance);

    /// <summary>A plain producer to the mock cluster.</summary>
    public IProducer<byte[]?, byte[]> Producer() =>
        new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = Options.BootstrapServers }).Build();

    /// <summary>A batch of one probe event of <paramref name="stream"/>, as the receiver hands it to the cache.</summary>
    public static KafkaBatchContainer Batch(StreamId stream, long offset) =>
        new(stream, [new Probes.ProbeEvent((int)offset)], null) { Offset = offset, Partition = 0 };
}
