using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Writes a message of a provider's topic to its dead-letter topic as it was (key, bytes, headers), with headers that
/// say why and where it came from, so an operator can fix the cause and replay it.
/// </summary>
internal sealed partial class KafkaDeadLetterWriter(KafkaStreamOptions options, string providerName, IProducer<byte[]?, byte[]> producer, KafkaStreamMetrics metrics, ILogger logger)
{
    /// <summary>Header that names why the message was set aside.</summary>
    public const string ErrorHeader = "error";

    /// <summary>
    /// Writes <paramref name="original"/>, read from <paramref name="partition"/> at <paramref name="offset"/>, with
    /// <paramref name="reason"/> and any <paramref name="details"/> as extra headers; throws when Kafka refuses it.
    /// </summary>
    public async Task WriteAsync(Message<byte[]?, byte[]> original, int partition, long offset, string reason, params (string Name, string Value)[] details)
    {
        var sourceTopic = options.TopicFor(providerName);
        var deadLetterTopic = options.DeadLetterTopicFor(providerName);
        var headers = new Headers();
        foreach (var header in original.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        Add(headers, ErrorHeader, reason);
        Add(headers, "provider", providerName);
        Add(headers, "source-topic", sourceTopic);
        Add(headers, "source-partition", partition.ToString(CultureInfo.InvariantCulture));
        Add(headers, "source-offset", offset.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in details)
        {
            Add(headers, name, value);
        }

        var written = await producer.ProduceAsync(deadLetterTopic, new Message<byte[]?, byte[]> { Key = original.Key, Value = original.Value, Headers = headers });
        metrics.DeadLettered(deadLetterTopic, partition);
        var key = original.Key is { } bytes ? Encoding.UTF8.GetString(bytes) : "(none)";
        LogDeadLettered(key, sourceTopic, partition, offset, reason, deadLetterTopic, written.Offset.Value);
    }

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {Key} at {Topic}[{Partition}]@{Offset} ({Reason}) was written to dead-letter topic {DeadLetterTopic} at offset {DeadLetterOffset}; fix the cause, then replay it from there.")]
    private partial void LogDeadLettered(string key, string topic, int partition, long offset, string reason, string deadLetterTopic, long deadLetterOffset);
}
