using System.Globalization;
using Shop.Common;
using Shop.Integrations.Kafka.Testing;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>The shop's <c>Shop:Streams</c> and <c>Shop:Kafka</c> settings for a saga provider on a mock cluster, and its topics.</summary>
public static class KafkaSettings
{
    /// <summary>Creates the saga topic and its dead-letter topic under <paramref name="prefix"/> and returns the saga topic.</summary>
    public static string CreateSagaTopics(MockKafkaCluster kafka, string prefix, int partitions)
    {
        var options = new KafkaStreamOptions { TopicPrefix = prefix };
        kafka.CreateTopic(options.TopicFor(StreamNames.Provider), partitions);
        kafka.CreateTopic(options.DeadLetterTopicFor(StreamNames.Provider), partitions);
        return options.TopicFor(StreamNames.Provider);
    }

    /// <summary>Puts the saga provider on Kafka in <paramref name="settings"/>.</summary>
    public static void Apply(IDictionary<string, string?> settings, MockKafkaCluster kafka, string prefix, int partitions, TimeSpan minTimeInCache)
    {
        settings["Shop:Streams:Provider"] = "Kafka";
        settings["Shop:Kafka:BootstrapServers"] = kafka.BootstrapServers;
        settings["Shop:Kafka:TopicPrefix"] = prefix;
        settings["Shop:Kafka:Partitions"] = partitions.ToString(CultureInfo.InvariantCulture);
        settings["Shop:Kafka:MinTimeInCache"] = minTimeInCache.ToString("c", CultureInfo.InvariantCulture);
        // The mock holds a fetch that finds nothing for the whole wait, even when a message arrives meanwhile.
        settings["Shop:Kafka:FetchWaitMax"] = "00:00:00.005";
        // The mock refuses topic creation through the Admin API; the tests create topics through the mock's C API.
        settings["Shop:Kafka:CreateTopics"] = "false";
    }
}
