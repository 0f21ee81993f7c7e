using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Builds the pieces of one Kafka stream provider: the partition-per-queue mapper, the per-partition cache, the
/// adapter (with one idempotent producer per provider), receivers and the dead-letter failure handler.
/// </summary>
public sealed partial class KafkaQueueAdapterFactory : IQueueAdapterFactory, IDisposable
{
    private readonly string name;
    private readonly KafkaStreamOptions options;
    private readonly Serializer serializer;
    private readonly KafkaStreamMetrics metrics;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly KafkaQueueMapper mapper;
    private readonly KafkaQueueAdapterCache cache;
    private readonly InFlightMessages inFlight = new();
    private readonly Lazy<IProducer<byte[]?, byte[]>> producer;
    private readonly Lazy<KafkaDeadLetterWriter> deadLetters;
    private readonly TimeProvider time;

    /// <summary>Creates the factory of provider <paramref name="name"/>.</summary>
    public KafkaQueueAdapterFactory(string name, KafkaStreamOptions options, Serializer serializer, KafkaStreamMetrics metrics, ILoggerFactory loggerFactory, TimeProvider time)
    {
        this.name = name;
        this.options = options;
        this.serializer = serializer;
        this.metrics = metrics;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<KafkaQueueAdapterFactory>();
        this.time = time;
        mapper = new KafkaQueueMapper(name, options.Partitions);
        cache = new KafkaQueueAdapterCache(options, time, CreateRewindReader);
        producer = new Lazy<IProducer<byte[]?, byte[]>>(BuildProducer);
        deadLetters = new Lazy<KafkaDeadLetterWriter>(() => new KafkaDeadLetterWriter(options, name, producer.Value, metrics, loggerFactory.CreateLogger<KafkaDeadLetterWriter>()));
    }

    /// <summary>The factory Orleans calls through the provider configurator.</summary>
    public static KafkaQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KafkaStreamOptions>(name);
        return new KafkaQueueAdapterFactory(
            name,
            options,
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<KafkaStreamMetrics>(),
            services.GetRequiredService<ILoggerFactory>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public async Task<IQueueAdapter> CreateAdapter()
    {
        await new KafkaTopicProvisioner(options, name, loggerFactory.CreateLogger<KafkaTopicProvisioner>()).EnsureTopicsAsync();
        return new KafkaQueueAdapter(name, options, mapper, producer.Value, CreateReceiver, serializer, metrics);
    }

    /// <inheritdoc />
    public IQueueAdapterCache GetQueueAdapterCache() => cache;

    /// <inheritdoc />
    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    /// <inheritdoc />
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaDeadLetterHandler(mapper, inFlight, CreateRewindReader(queueId), deadLetters.Value, loggerFactory.CreateLogger<KafkaDeadLetterHandler>()));

    /// <inheritdoc />
    public void Dispose()
    {
        if (producer.IsValueCreated)
        {
            // Flush so events accepted by QueueMessageBatchAsync but still in librdkafka's queue are not lost at shutdown.
            producer.Value.Flush(options.StartupTimeout);
            producer.Value.Dispose();
        }
    }

    private KafkaQueueReceiver CreateReceiver(TopicPartition partition) =>
        new KafkaQueueReceiver(options, partition, serializer, inFlight, deadLetters.Value, metrics, loggerFactory.CreateLogger<KafkaQueueReceiver>());

    private KafkaRewindReader CreateRewindReader(QueueId queueId) =>
        new(options, new TopicPartition(options.TopicFor(name), mapper.PartitionOf(queueId)), serializer, time, loggerFactory.CreateLogger<KafkaRewindReader>());

    private IProducer<byte[]?, byte[]> BuildProducer() =>
        new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Producer(options, $"{name}-producer"))
            .SetErrorHandler((_, error) =>
            {
                metrics.ClientError(options.TopicFor(name));
                LogProducerError(name, error.Reason, error.IsFatal);
            })
            .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka producer of stream provider {Provider}: {Reason} (fatal: {IsFatal}).")]
    private partial void LogProducerError(string provider, string reason, bool isFatal);
}
