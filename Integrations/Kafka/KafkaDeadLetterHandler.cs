using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Writes an event Orleans gave up delivering (its handler kept failing past <c>MaxEventDeliveryTime</c>) to the
/// dead-letter topic with the reason, instead of dropping it. The record is the original Kafka message: taken from the
/// messages in flight, or read again from the partition when this silo no longer holds it (a rewound event). The
/// subscription keeps running, so the rest of the partition keeps flowing.
/// </summary>
internal sealed partial class KafkaDeadLetterHandler(
    KafkaQueueMapper mapper,
    InFlightMessages inFlight,
    KafkaRewindReader source,
    KafkaDeadLetterWriter deadLetters,
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
        var original = await Original(streamId, partition, offset);
        await deadLetters.WriteAsync(
            original,
            partition,
            offset,
            reason,
            ("subscription", subscriptionId.ToString()),
            ("event-index", (token?.EventIndex ?? 0).ToString(CultureInfo.InvariantCulture)));
    }

    private async Task<Message<byte[]?, byte[]>> Original(StreamId streamId, int partition, long offset)
    {
        if (inFlight.Find(partition, offset) is { } message)
        {
            return message;
        }

        // Off the agent's thread: the read waits for the broker.
        if (offset >= 0 && await Task.Run(() => source.Find(offset)) is { } reread)
        {
            return reread;
        }

        // Kafka no longer holds it (retention) or Orleans named no offset: the record says so rather than looking like an empty event.
        LogPayloadLost(streamId.ToString(), partition, offset);
        return new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(streamId.ToString()),
            Value = [],
            Headers = new Headers { { "payload", Encoding.UTF8.GetBytes("lost: the message is no longer in Kafka") } },
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Undeliverable event of stream {StreamId} at partition {Partition}@{Offset} is no longer in Kafka; its dead-letter record carries no payload.")]
    private partial void LogPayloadLost(string streamId, int partition, long offset);
}
