using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>Creates one <see cref="KafkaQueueCache"/> per partition, each with a reader for rewinds below it.</summary>
internal sealed class KafkaQueueAdapterCache(KafkaStreamOptions options, TimeProvider time, Func<QueueId, KafkaRewindReader> rewindReader) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) => new KafkaQueueCache(options.CacheSize, options.MinTimeInCache, time, rewindReader(queueId));
}
