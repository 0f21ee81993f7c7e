using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Metrics of the Kafka stream providers (meter <c>Shop.Integrations.Kafka</c>): messages produced and consumed,
/// and per partition the committed offset and the lag behind the high watermark.
/// </summary>
public sealed class KafkaStreamMetrics : IDisposable
{
    /// <summary>Meter name to listen to.</summary>
    public const string MeterName = "Shop.Integrations.Kafka";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> produced;
    private readonly Counter<long> consumed;
    private readonly Counter<long> deadLettered;
    private readonly Counter<long> clientErrors;
    private readonly ConcurrentDictionary<(string Topic, int Partition), (long Committed, long HighWatermark)> positions = new();

    /// <summary>Creates the instruments.</summary>
    public KafkaStreamMetrics()
    {
        produced = meter.CreateCounter<long>("shop.kafka.produced", "{message}", "Messages written to Kafka.");
        consumed = meter.CreateCounter<long>("shop.kafka.consumed", "{message}", "Messages read from Kafka into the silo cache.");
        deadLettered = meter.CreateCounter<long>("shop.kafka.dead_lettered", "{message}", "Undeliverable events written to the dead-letter topic.");
        clientErrors = meter.CreateCounter<long>("shop.kafka.client_errors", "{error}", "Errors reported by the Kafka clients (brokers unreachable, requests failed); librdkafka retries them.");
        meter.CreateObservableGauge("shop.kafka.committed_offset", () => Observe(p => p.Committed), "{offset}", "Last committed offset per partition.");
        meter.CreateObservableGauge("shop.kafka.lag", () => Observe(p => Math.Max(0, p.HighWatermark - p.Committed)), "{message}", "High watermark minus committed offset per partition.");
    }

    /// <summary>Counts produced messages.</summary>
    public void Produced(string topic, int partition, long count = 1) => produced.Add(count, Tags(topic, partition));

    /// <summary>Counts consumed messages.</summary>
    public void Consumed(string topic, int partition, long count) => consumed.Add(count, Tags(topic, partition));

    /// <summary>Counts dead-lettered events.</summary>
    public void DeadLettered(string topic, int partition) => deadLettered.Add(1, Tags(topic, partition));

    /// <summary>Counts an error a producer or consumer of the topic reported.</summary>
    public void ClientError(string topic) => clientErrors.Add(1, new TagList { { "topic", topic } });

    /// <summary>Records a commit.</summary>
    public void Committed(string topic, int partition, long offset) =>
        positions.AddOrUpdate((topic, partition), (offset, offset), (_, old) => (offset, Math.Max(old.HighWatermark, offset)));

    /// <summary>Records the high watermark seen by the consumer.</summary>
    public void HighWatermark(string topic, int partition, long offset) =>
        positions.AddOrUpdate((topic, partition), (0, offset), (_, old) => (old.Committed, offset));

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();

    private List<Measurement<long>> Observe(Func<(long Committed, long HighWatermark), long> value) =>
        positions.Select(p => new Measurement<long>(value(p.Value), Tags(p.Key.Topic, p.Key.Partition))).ToList();

    private static TagList Tags(string topic, int partition) => new() { { "topic", topic }, { "partition", partition } };
}
