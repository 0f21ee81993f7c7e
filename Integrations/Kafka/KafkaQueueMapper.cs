using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Maps streams to Kafka partitions, one Orleans queue per partition. The producer writes each stream to the
/// partition this mapper names, so one stream's events (one order's saga) stay in order in one partition.
/// Queues sit evenly on the consistent ring so the Orleans queue balancer can split them between silos.
/// </summary>
public sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] queues;
    private readonly Dictionary<QueueId, int> partitions;

    /// <summary>Creates the mapper of a provider whose topic has <paramref name="partitionCount"/> partitions.</summary>
    public KafkaQueueMapper(string providerName, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        var portion = (uint)(((long)uint.MaxValue + 1) / partitionCount);
        queues = Enumerable.Range(0, partitionCount)
            .Select(p => QueueId.GetQueueId(providerName, (uint)p, (uint)p * portion))
            .ToArray();
        partitions = queues.Select((q, p) => (q, p)).ToDictionary(x => x.q, x => x.p);
    }

    /// <summary>The partition of a stream (stable across processes: StreamId hashes its bytes).</summary>
    public int PartitionFor(StreamId streamId) => (int)((uint)streamId.GetHashCode() % (uint)queues.Length);

    /// <summary>The partition an Orleans queue stands for.</summary>
    public int PartitionOf(QueueId queueId) =>
        partitions.TryGetValue(queueId, out var partition) ? partition : throw new ArgumentOutOfRangeException(nameof(queueId), $"Queue {queueId} is not a queue of this provider.");

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => queues;

    /// <inheritdoc />
    public QueueId GetQueueForStream(StreamId streamId) => queues[PartitionFor(streamId)];

    /// <inheritdoc />
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => queues.Where(q => range.InRange(q.GetUniformHashCode()));
}
