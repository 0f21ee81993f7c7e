using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// The events of one <c>OnNextBatchAsync</c> call on one stream, as one Kafka message (serialized with the Orleans
/// binary serializer). The sequence token is not stored: it is rebuilt from the Kafka offset when consumed.
/// </summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Creates a batch.</summary>
    public KafkaBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    /// <inheritdoc />
    [Id(0)]
    public StreamId StreamId { get; }

    /// <summary>The events.</summary>
    [Id(1)]
    public List<object> Events { get; }

    /// <summary>The request context of the producer.</summary>
    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>Kafka offset of the message; set when consumed.</summary>
    [Id(3)]
    public long Offset { get; set; } = -1;

    /// <summary>Kafka partition of the message; set when consumed.</summary>
    [Id(4)]
    public int Partition { get; set; } = -1;

    /// <inheritdoc />
    public StreamSequenceToken SequenceToken => new EventSequenceTokenV2(Offset);

    /// <inheritdoc />
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((e, i) => Tuple.Create<T, StreamSequenceToken>(e, new EventSequenceTokenV2(Offset, i)));

    /// <inheritdoc />
    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    /// <summary>The batch a Kafka message holds, with its partition and offset.</summary>
    internal static KafkaBatchContainer FromMessage(Orleans.Serialization.Serializer serializer, Confluent.Kafka.ConsumeResult<byte[]?, byte[]> result)
    {
        var batch = serializer.Deserialize<KafkaBatchContainer>(result.Message.Value) ?? throw new InvalidDataException("The message holds no batch.");
        batch.Offset = result.Offset.Value;
        batch.Partition = result.Partition.Value;
        return batch;
    }

    /// <inheritdoc />
    public override string ToString() => $"[KafkaBatch {StreamId} p{Partition}@{Offset} x{Events.Count}]";
}
