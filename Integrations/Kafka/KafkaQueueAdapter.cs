using System.Text;
using Confluent.Kafka;
using Orleans.Serialization;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Writes each batch of stream events as one Kafka message keyed by the stream id, into the partition the queue
/// mapper names for the stream, and creates a receiver per partition this silo owns.
/// </summary>
internal sealed class KafkaQueueAdapter(
    string name,
    KafkaStreamOptions options,
    KafkaQueueMapper mapper,
    IProducer<byte[]?, byte[]> producer,
    Func<TopicPartition, IQueueAdapterReceiver> createReceiver,
    Serializer serializer,
    KafkaStreamMetrics metrics) : IQueueAdapter
{
    private readonly string topic = options.TopicFor(name);

    public string Name => name;

    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Kafka assigns the offsets: events cannot be written with a sequence token.", nameof(token));
        }

        var batch = new KafkaBatchContainer(streamId, events.Cast<object>().ToList(), requestContext);
        var target = new TopicPartition(topic, mapper.PartitionFor(streamId));
        var message = new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(streamId.ToString()),
            Value = serializer.SerializeToArray(batch),
            Headers = KafkaTraceHeaders.FromCurrentActivity(),
        };
        await producer.ProduceAsync(target, message);
        metrics.Produced(topic, target.Partition.Value);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => createReceiver(new TopicPartition(topic, mapper.PartitionOf(queueId)));
}
