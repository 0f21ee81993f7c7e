using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>Creates one <see cref="KafkaQueueCache"/> per partition.</summary>
internal sealed class KafkaQueueAdapterCache(KafkaStreamOptions options, TimeProvider time) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) => new KafkaQueueCache(options.CacheSize, options.MinTimeInCache, time);
}
