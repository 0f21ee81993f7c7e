using Confluent.Kafka;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>Reads a topic's positions and messages from outside Orleans, as an operator would.</summary>
public static class KafkaInspector
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Sum over partitions of the high watermarks (messages written).</summary>
    public static long Written(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = Consumer(bootstrapServers, $"inspector-{Guid.NewGuid():N}");
        return Enumerable.Range(0, partitions).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), Timeout).High.Value);
    }

    /// <summary>Sum over partitions of the group's committed offsets.</summary>
    public static long Committed(string bootstrapServers, string group, string topic, int partitions)
    {
        using var consumer = Consumer(bootstrapServers, group);
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), Timeout);
        return committed.Where(c => !c.Offset.IsSpecial).Sum(c => c.Offset.Value);
    }

    /// <summary>The group's committed offset of one partition (-1 when none).</summary>
    public static long CommittedAt(string bootstrapServers, string group, TopicPartition partition)
    {
        using var consumer = Consumer(bootstrapServers, group);
        var committed = consumer.Committed([partition], Timeout).Single().Offset;
        return committed.IsSpecial ? -1 : committed.Value;
    }

    /// <summary>The broker leading each partition of a topic, as the brokers' metadata says.</summary>
    public static Dictionary<int, int> Leaders(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(topic, Timeout).Topics.Single(t => t.Topic == topic).Partitions.ToDictionary(p => p.PartitionId, p => p.Leader);
    }

    /// <summary>Every message of a topic, read from the beginning until <paramref name="accept"/> holds or the deadline passes.</summary>
    public static List<ConsumeResult<byte[]?, byte[]>> ReadUntil(string bootstrapServers, string topic, int partitions, Func<List<ConsumeResult<byte[]?, byte[]>>, bool> accept, TimeSpan deadline)
    {
        using var consumer = Consumer(bootstrapServers, $"inspector-{Guid.NewGuid():N}");
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var read = new List<ConsumeResult<byte[]?, byte[]>>();
        var until = DateTime.UtcNow + deadline;
        while (!accept(read) && DateTime.UtcNow < until)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                read.Add(result);
            }
        }

        consumer.Close();
        return read;
    }

    private static IConsumer<byte[]?, byte[]> Consumer(string bootstrapServers, string group) =>
        new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, EnableAutoCommit = false }).Build();
}
