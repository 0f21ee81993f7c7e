using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Providers.Streams.Common;
using Shop.Integrations.Kafka.Tests.Fixtures;

namespace Shop.Integrations.Kafka.Tests.Provider;

/// <summary>The dead-letter record of an undeliverable event is the original Kafka message, even when this silo no longer holds it.</summary>
public sealed class DeadLetterPayloadTests(MockKafkaServer server) : IClassFixture<MockKafkaServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An event read again from Kafka (a rewind) is not among the messages in flight: its dead-letter record still
    /// carries its original bytes and headers, read back from the partition.
    /// </summary>
    [Fact]
    public async Task A_dead_letter_keeps_the_original_payload_when_the_message_is_no_longer_in_flight()
    {
        var parts = new ProviderParts(server.Kafka, Deadline);
        using var producer = parts.Producer();
        using var metrics = new KafkaStreamMetrics();
        var stream = StreamId.Create("probe", Guid.NewGuid().ToString("N"));
        var payload = ProviderParts.Serializer.SerializeToArray(ProviderParts.Batch(stream, 0));
        var written = await producer.ProduceAsync(parts.Topic, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(stream.ToString()),
            Value = payload,
            Headers = new Headers { { "traceparent", Encoding.UTF8.GetBytes("00-trace-01") } },
        });
        var handler = new KafkaDeadLetterHandler(
            new KafkaQueueMapper(ProviderParts.Provider, 1),
            new InFlightMessages(),
            parts.RewindReader(TimeProvider.System),
            parts.DeadLetterWriter(producer, metrics),
            NullLogger.Instance);

        await handler.OnDeliveryFailure(GuidId.GetNewGuidId(), ProviderParts.Provider, stream, new EventSequenceTokenV2(written.Offset.Value));

        var letter = Assert.Single(KafkaInspector.ReadUntil(parts.Options.BootstrapServers, parts.DeadLetterTopic, 1, r => r.Count > 0, Deadline));
        Assert.Equal(payload, letter.Message.Value);
        Assert.Equal("00-trace-01", Header(letter, "traceparent"));
        Assert.Contains("delivery failed", Header(letter, "error"), StringComparison.Ordinal);
        Assert.Equal(written.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(letter, "source-offset"));
    }

    private static string? Header(ConsumeResult<byte[]?, byte[]> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
