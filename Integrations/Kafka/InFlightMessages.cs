using System.Collections.Concurrent;
using Confluent.Kafka;

namespace Shop.Integrations.Kafka;

/// <summary>
/// The raw Kafka messages of a provider read but not yet committed, by partition and offset, so the dead-letter
/// handler (which Orleans gives only a stream id and a token) can write the undeliverable message itself, with its
/// original key, bytes and headers.
/// </summary>
internal sealed class InFlightMessages
{
    private readonly ConcurrentDictionary<(int Partition, long Offset), Message<byte[]?, byte[]>> messages = new();

    public void Add(int partition, long offset, Message<byte[]?, byte[]> message) => messages[(partition, offset)] = message;

    public Message<byte[]?, byte[]>? Find(int partition, long offset) => messages.GetValueOrDefault((partition, offset));

    public void Remove(int partition, IEnumerable<long> offsets)
    {
        foreach (var offset in offsets)
        {
            messages.TryRemove((partition, offset), out _);
        }
    }
}
