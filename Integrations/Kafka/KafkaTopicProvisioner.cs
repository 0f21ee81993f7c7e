using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace Shop.Integrations.Kafka;

/// <summary>Makes sure a provider's topic and dead-letter topic exist with the configured partitions before it starts.</summary>
internal sealed partial class KafkaTopicProvisioner(KafkaStreamOptions options, string providerName, ILogger logger)
{
    public async Task EnsureTopicsAsync()
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options, $"{providerName}-admin")).Build();
        foreach (var topic in new[] { options.TopicFor(providerName), options.DeadLetterTopicFor(providerName) })
        {
            await EnsureTopicAsync(admin, topic);
        }
    }

    private async Task EnsureTopicAsync(IAdminClient admin, string topic)
    {
        var existing = Describe(admin, topic);
        if (existing is not null)
        {
            CheckPartitions(topic, existing.Partitions.Count);
            return;
        }

        if (!options.CreateTopics)
        {
            throw Fail(topic, "it does not exist and CreateTopics is off; create it with the configured Partitions");
        }

        try
        {
            var spec = new TopicSpecification { Name = topic, NumPartitions = options.Partitions, ReplicationFactor = options.ReplicationFactor };
            await admin.CreateTopicsAsync([spec], new CreateTopicsOptions { RequestTimeout = options.StartupTimeout, OperationTimeout = options.StartupTimeout });
            LogCreated(topic, options.Partitions);
        }
        catch (CreateTopicsException error) when (error.Results.All(r => r.Error.Code == Confluent.Kafka.ErrorCode.TopicAlreadyExists))
        {
            // Another silo created it first.
        }
        catch (KafkaException error)
        {
            throw Fail(topic, $"creating it failed ({error.Error.Reason}); create it yourself with Partitions={options.Partitions} or grant the CreateTopics permission", error);
        }
    }

    private TopicMetadata? Describe(IAdminClient admin, string topic)
    {
        try
        {
            var metadata = admin.GetMetadata(topic, options.StartupTimeout).Topics.SingleOrDefault(t => t.Topic == topic);
            return metadata is { Error.IsError: false, Partitions.Count: > 0 } ? metadata : null;
        }
        catch (KafkaException error)
        {
            throw Fail(topic, $"the brokers at {options.BootstrapServers} did not answer within {options.StartupTimeout} ({error.Error.Reason}); check BootstrapServers and the SASL/SSL settings", error);
        }
    }

    private void CheckPartitions(string topic, int actual)
    {
        // The queue mapper sends each stream to a partition by hash over the configured count; another count would split a stream.
        if (actual != options.Partitions && topic == options.TopicFor(providerName))
        {
            throw Fail(topic, $"it has {actual} partitions but Partitions={options.Partitions}; set Partitions to {actual}");
        }
    }

    private InvalidOperationException Fail(string topic, string why, Exception? inner = null) =>
        new($"Kafka stream provider '{providerName}' cannot start: topic '{topic}' is not usable: {why}.", inner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Kafka topic {Topic} with {Partitions} partitions.")]
    private partial void LogCreated(string topic, int partitions);
}
