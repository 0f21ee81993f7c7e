using Confluent.Kafka;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Settings of one Kafka stream provider. Every stream namespace of the provider shares one topic
/// (<see cref="TopicPrefix"/> + provider name), whose partitions are the provider's Orleans queues.
/// </summary>
public sealed class KafkaStreamOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of brokers (required).</summary>
    public string BootstrapServers { get; set; } = string.Empty;

    /// <summary>Prefix of the provider's topic; the topic is the prefix followed by the provider name.</summary>
    public string TopicPrefix { get; set; } = "shop-";

    /// <summary>Partitions of the topic when it is created; also the number of Orleans queues.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Replication factor of the topics when they are created.</summary>
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>Consumer group the committed offsets belong to (required; one per service).</summary>
    public string ConsumerGroup { get; set; } = string.Empty;

    /// <summary>Suffix of the dead-letter topic that receives undeliverable events.</summary>
    public string DeadLetterSuffix { get; set; } = ".dead-letter";

    /// <summary>Create missing topics at start (turn off when topics are managed outside the application).</summary>
    public bool CreateTopics { get; set; } = true;

    /// <summary>How long a message stays in the silo cache before it may be purged and its offset committed; it is also the window a subscriber can rewind within without a cache miss.</summary>
    public TimeSpan MinTimeInCache { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages kept per partition in the silo cache.</summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>
    /// Longest time a broker holds a fetch that finds no new messages (librdkafka's <c>fetch.wait.max.ms</c>, default
    /// 500 ms). A real broker answers as soon as a message arrives, so this only bounds idle polling there; librdkafka's
    /// mock cluster answers only when the wait is over, so with the mock every saga step waited up to this long:
    /// run the mock with 5 ms.
    /// </summary>
    public TimeSpan FetchWaitMax { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long start-up waits for the brokers (metadata, topic creation, committed offsets).</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SASL mechanism (<c>Plain</c>, <c>ScramSha256</c>, <c>ScramSha512</c>, <c>OAuthBearer</c>, <c>Gssapi</c>); unset for none.</summary>
    public SaslMechanism? SaslMechanism { get; set; }

    /// <summary>SASL user name.</summary>
    public string? SaslUsername { get; set; }

    /// <summary>SASL password (redacted in the options log).</summary>
    [Orleans.Redact]
    public string? SaslPassword { get; set; }

    /// <summary>Security protocol (<c>Plaintext</c>, <c>Ssl</c>, <c>SaslPlaintext</c>, <c>SaslSsl</c>).</summary>
    public SecurityProtocol SecurityProtocol { get; set; } = SecurityProtocol.Plaintext;

    /// <summary>CA certificate file for SSL.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>Extra librdkafka properties passed to every client (for example <c>test.mock.num.brokers</c> or socket tuning).</summary>
    public Dictionary<string, string> ClientProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>The topic of a provider.</summary>
    public string TopicFor(string providerName) => TopicPrefix + providerName;

    /// <summary>The dead-letter topic of a provider.</summary>
    public string DeadLetterTopicFor(string providerName) => TopicFor(providerName) + DeadLetterSuffix;
}
