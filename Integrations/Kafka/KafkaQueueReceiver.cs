using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Reads one partition for the silo that owns its queue. The partition is assigned directly (no group rebalancing:
/// the Orleans queue balancer decides ownership); reading resumes at the group's committed offset, and offsets are
/// committed only when the cache hands back delivered messages, so delivery is at least once. A message that is not a
/// batch of this provider is written to the dead-letter topic, as it was, before reading goes past it.
/// </summary>
internal sealed partial class KafkaQueueReceiver(
    KafkaStreamOptions options,
    TopicPartition partition,
    Serializer serializer,
    InFlightMessages inFlight,
    KafkaDeadLetterWriter deadLetters,
    KafkaStreamMetrics metrics,
    ILogger logger) : IQueueAdapterReceiver
{
    private IConsumer<byte[]?, byte[]>? consumer;
    private long lastWatermarkCheck;

    public Task Initialize(TimeSpan timeout) => Task.Run(() =>
    {
        consumer = new ConsumerBuilder<byte[]?, byte[]>(KafkaClientConfigs.Consumer(options, $"{partition.Topic}-{partition.Partition.Value}"))
            .SetErrorHandler((_, error) =>
            {
                metrics.ClientError(partition.Topic);
                LogClientError(partition.Topic, partition.Partition.Value, error.Reason);
            })
            .Build();
        var committed = consumer.Committed([partition], timeout).Single().Offset;
        var start = committed.IsSpecial ? Offset.Beginning : committed;
        consumer.Assign(new TopicPartitionOffset(partition, start));
        LogAssigned(partition.Topic, partition.Partition.Value, start.ToString());
    });

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var batches = new List<IBatchContainer>();
        if (consumer is null)
        {
            return batches;
        }

        // Consume(0) only takes what librdkafka has already fetched in the background, so the agent never blocks here.
        while (batches.Count < maxCount && !cancellationToken.IsCancellationRequested && consumer.Consume(TimeSpan.Zero) is { } result)
        {
            if (TryRead(result, out var unreadable) is { } batch)
            {
                batches.Add(batch);
            }
            else if (!await SetAside(consumer, result, unreadable!))
            {
                break;
            }
        }

        if (batches.Count > 0)
        {
            metrics.Consumed(partition.Topic, partition.Partition.Value, batches.Count);
        }

        RecordWatermark();
        return batches;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        if (consumer is null || messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var offsets = messages.Cast<KafkaBatchContainer>().Select(m => m.Offset).ToList();
        var next = offsets.Max() + 1;
        return Task.Run(
            () =>
            {
                consumer.Commit([new TopicPartitionOffset(partition, next)]);
                inFlight.Remove(partition.Partition.Value, offsets);
                metrics.Committed(partition.Topic, partition.Partition.Value, next);
            },
            cancellationToken);
    }

    public Task Shutdown(TimeSpan timeout)
    {
        var closing = consumer;
        consumer = null;
        if (closing is not null)
        {
            // Manual assignment: nothing to leave; dispose releases the sockets. Uncommitted messages are read again by the next owner.
            closing.Dispose();
        }

        return Task.CompletedTask;
    }

    private KafkaBatchContainer? TryRead(ConsumeResult<byte[]?, byte[]> result, out Exception? unreadable)
    {
        unreadable = null;
        try
        {
            var batch = KafkaBatchContainer.FromMessage(serializer, result);
            inFlight.Add(batch.Partition, batch.Offset, result.Message);
            return batch;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            unreadable = error;
            return null;
        }
    }

    /// <summary>
    /// Writes a message no subscriber can be given to the dead-letter topic. Offsets are committed past it only once
    /// that write is acknowledged: when it fails, the consumer goes back to the message and the next read tries again.
    /// </summary>
    private async Task<bool> SetAside(IConsumer<byte[]?, byte[]> reading, ConsumeResult<byte[]?, byte[]> result, Exception unreadable)
    {
        var offset = result.Offset.Value;
        LogUnreadable(unreadable, partition.Topic, partition.Partition.Value, offset);
        try
        {
            await deadLetters.WriteAsync(result.Message, partition.Partition.Value, offset, $"unreadable: not an Orleans batch of this provider ({unreadable.GetType().Name}: {unreadable.Message})");
            return true;
        }
        catch (KafkaException error)
        {
            LogSetAsideFailed(error, partition.Topic, partition.Partition.Value, offset);
            reading.Seek(new TopicPartitionOffset(partition, offset));
            return false;
        }
    }

    private void RecordWatermark()
    {
        if (Environment.TickCount64 - lastWatermarkCheck < 1000 || consumer is null)
        {
            return;
        }

        lastWatermarkCheck = Environment.TickCount64;
        var high = consumer.GetWatermarkOffsets(partition)?.High ?? Offset.Unset;
        if (!high.IsSpecial)
        {
            metrics.HighWatermark(partition.Topic, partition.Partition.Value, high.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka partition {Topic}[{Partition}] assigned to this silo, reading from offset {Offset}.")]
    private partial void LogAssigned(string topic, int partition, string offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka client error on {Topic}[{Partition}]: {Reason}.")]
    private partial void LogClientError(string topic, int partition, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka message {Topic}[{Partition}]@{Offset} is not an Orleans batch of this provider; it goes to the dead-letter topic.")]
    private partial void LogUnreadable(Exception error, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka message {Topic}[{Partition}]@{Offset} could not be written to the dead-letter topic; reading stops before it and tries again.")]
    private partial void LogSetAsideFailed(Exception error, string topic, int partition, long offset);
}
