using Confluent.Kafka;

namespace Shop.Integrations.Kafka;

/// <summary>Builds the librdkafka configurations of the provider's clients from its options.</summary>
internal static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaStreamOptions options, string clientId) =>
        new(Common(options, clientId))
        {
            // Idempotence keeps per-partition order and removes duplicates caused by producer retries.
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 2,
        };

    public static ConsumerConfig Consumer(KafkaStreamOptions options, string clientId) =>
        new(Common(options, clientId))
        {
            GroupId = options.ConsumerGroup,
            // Partitions are assigned by the Orleans queue balancer and offsets are committed after delivery only.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            FetchWaitMaxMs = (int)options.FetchWaitMax.TotalMilliseconds,
        };

    public static AdminClientConfig Admin(KafkaStreamOptions options, string clientId) => new(Common(options, clientId));

    private static ClientConfig Common(KafkaStreamOptions options, string clientId)
    {
        var config = new ClientConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            SecurityProtocol = options.SecurityProtocol,
            SaslMechanism = options.SaslMechanism,
            SaslUsername = options.SaslUsername,
            SaslPassword = options.SaslPassword,
            SslCaLocation = options.SslCaLocation,
        };
        foreach (var (key, value) in options.ClientProperties)
        {
            config.Set(key, value);
        }

        return config;
    }
}
