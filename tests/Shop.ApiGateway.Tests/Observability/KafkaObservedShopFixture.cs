using System.Globalization;
using Shop.Common;
using Shop.Integrations.Kafka;
using Shop.Integrations.Kafka.Testing;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>The observed shop with its saga on Kafka: librdkafka's mock cluster in this process.</summary>
public sealed class KafkaObservedShopFixture : ObservedShopFixture
{
    /// <summary>The saga topic's partitions.</summary>
    public const int Partitions = 2;

    private static readonly KafkaStreamOptions Topics = new() { TopicPrefix = "observed-" };
    private readonly MockKafkaCluster _kafka;

    /// <summary>Creates the shop on a new mock cluster.</summary>
    public KafkaObservedShopFixture()
        : this(StartKafka())
    {
    }

    private KafkaObservedShopFixture(MockKafkaCluster kafka)
        : base(new Dictionary<string, string?>
        {
            ["Shop:Streams:Provider"] = "Kafka",
            ["Shop:Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Shop:Kafka:TopicPrefix"] = Topics.TopicPrefix,
            ["Shop:Kafka:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
            // The mock holds a fetch that finds nothing for the whole wait, even when a message arrives meanwhile.
            ["Shop:Kafka:FetchWaitMax"] = "00:00:00.005",
            // The mock refuses topic creation through the Admin API; the topics are made through its C API.
            ["Shop:Kafka:CreateTopics"] = "false",
        }) => _kafka = kafka;

    /// <summary>The mock cluster's bootstrap servers.</summary>
    public string BootstrapServers => _kafka.BootstrapServers;

    /// <summary>The saga topic.</summary>
    public static string SagaTopic => Topics.TopicFor(StreamNames.Provider);

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _kafka.Dispose();
    }

    private static MockKafkaCluster StartKafka()
    {
        var kafka = MockKafkaCluster.Start(brokers: 1);
        kafka.CreateTopic(Topics.TopicFor(StreamNames.Provider), Partitions);
        kafka.CreateTopic(Topics.DeadLetterTopicFor(StreamNames.Provider), Partitions);
        return kafka;
    }
}
