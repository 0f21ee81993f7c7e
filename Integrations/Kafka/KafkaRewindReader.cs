using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Reads part of one partition again, from Kafka: for a subscriber that resumes from a token older than anything the
/// silo cache of the partition still holds, and for the dead-letter handler when the message is no longer in flight.
/// It uses a short-lived consumer of its own at the wanted offset, so the partition's receiver (its position and its
/// commits) is left alone; it never commits. It waits for the broker up to <c>StartupTimeout</c> on
/// <paramref name="time"/>.
/// </summary>
internal sealed partial class KafkaRewindReader(KafkaStreamOptions options, TopicPartition partition, Serializer serializer, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The batches of <paramref name="streamId"/> at offsets <paramref name="from"/> up to (not including)
    /// <paramref name="until"/>, in order. Throws <see cref="QueueCacheMissException"/> when Kafka does not give the
    /// range back within <c>StartupTimeout</c>, as a cache without this reader would.
    /// </summary>
    public List<KafkaBatchContainer> Read(StreamId streamId, long from, long until)
    {
        var batches = new List<KafkaBatchContainer>();
        var next = Scan(from, until, result =>
        {
            if (TryRead(result) is { } batch && batch.StreamId.Equals(streamId))
            {
                batches.Add(batch);
            }
        });
        if (next < until)
        {
            throw new QueueCacheMissException(Text(from), Text(until), Text(next));
        }

        LogRewound(streamId.ToString(), partition.Topic, partition.Partition.Value, from, until, batches.Count);
        return batches;
    }

    /// <summary>The message at <paramref name="offset"/> as Kafka holds it, or null when Kafka does not give it back in time.</summary>
    public Message<byte[]?, byte[]>? Find(long offset)
    {
        Message<byte[]?, byte[]>? found = null;
        Scan(offset, offset + 1, result => found = result.Message);
        return found;
    }

    /// <summary>Hands every message at offsets <paramref name="from"/>..<paramref name="until"/> (excluded) to <paramref name="take"/>; returns the next offset not read.</summary>
    private long Scan(long from, long until, Action<ConsumeResult<byte[]?, byte[]>> take)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Consumer(options, $"{partition.Topic}-{partition.Partition.Value}-rewind")).Build();
        consumer.Assign(new TopicPartitionOffset(partition, from));
        var next = from;
        var started = time.GetTimestamp();
        while (next < until && time.GetElapsedTime(started) < options.StartupTimeout)
        {
            if (consumer.Consume(PollInterval) is not { } result)
            {
                continue;
            }

            next = result.Offset.Value + 1;
            if (result.Offset.Value < until)
            {
                take(result);
            }
        }

        return next;
    }

    private KafkaBatchContainer? TryRead(ConsumeResult<byte[]?, byte[]> result)
    {
        try
        {
            return KafkaBatchContainer.FromMessage(serializer, result);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The receiver wrote this message to the dead-letter topic when it first read it.
            return null;
        }
    }

    private static string Text(long offset) => offset.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId} rewound below the silo cache: read {Topic}[{Partition}] offsets {From}..{Until} again from Kafka, {Count} batches of the stream.")]
    private partial void LogRewound(string streamId, string topic, int partition, long from, long until, int count);
}
