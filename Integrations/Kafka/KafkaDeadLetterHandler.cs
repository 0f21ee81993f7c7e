using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Writes an event Orleans gave up delivering (its handler kept failing past <c>MaxEventDeliveryTime</c>) to the
/// dead-letter topic with the reason, instead of dropping it, and logs where it went. The subscription keeps
/// running, so the rest of the partition keeps flowing.
/// </summary>
internal sealed partial class KafkaDeadLetterHandler(
    KafkaStreamOptions options,
    string providerName,
    KafkaQueueMapper mapper,
    IProducer<byte[]?, byte[]> producer,
    InFlightMessages inFlight,
    KafkaStreamMetrics metrics,
    ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        DeadLetter("delivery failed until MaxEventDeliveryTime ran out", subscriptionId, streamIdentity, sequenceToken);

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        DeadLetter("the subscription failed", subscriptionId, streamIdentity, sequenceToken);

    private async Task DeadLetter(string reason, GuidId subscriptionId, StreamId streamId, StreamSequenceToken? token)
    {
        var partition = mapper.PartitionFor(streamId);
        var offset = token?.SequenceNumber ?? -1;
        var deadLetterTopic = options.DeadLetterTopicFor(providerName);
        var message = new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(streamId.ToString()),
            Value = inFlight.Find(partition, offset) ?? [],
            Headers = new Headers
            {
                { "error", Encoding.UTF8.GetBytes(reason) },
                { "provider", Encoding.UTF8.GetBytes(providerName) },
                { "subscription", Encoding.UTF8.GetBytes(subscriptionId.ToString()) },
                { "source-topic", Encoding.UTF8.GetBytes(options.TopicFor(providerName)) },
                { "source-partition", Encoding.UTF8.GetBytes(partition.ToString(CultureInfo.InvariantCulture)) },
                { "source-offset", Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)) },
                { "event-index", Encoding.UTF8.GetBytes((token?.EventIndex ?? 0).ToString(CultureInfo.InvariantCulture)) },
            },
        };
        var written = await producer.ProduceAsync(deadLetterTopic, message);
        metrics.DeadLettered(deadLetterTopic, partition);
        LogDeadLettered(streamId.ToString(), options.TopicFor(providerName), partition, offset, reason, deadLetterTopic, written.Offset.Value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Undeliverable event of stream {StreamId} at {Topic}[{Partition}]@{Offset} ({Reason}) was written to dead-letter topic {DeadLetterTopic} at offset {DeadLetterOffset}; fix the handler, then replay it from there.")]
    private partial void LogDeadLettered(string streamId, string topic, int partition, long offset, string reason, string deadLetterTopic, long deadLetterOffset);
}
