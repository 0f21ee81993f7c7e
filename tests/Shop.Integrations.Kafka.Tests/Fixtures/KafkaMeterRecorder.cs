using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>
/// Listens to the provider's counters (meter <see cref="KafkaStreamMetrics.MeterName"/>) for one topic, per silo: every
/// silo of an in-process cluster has its own <see cref="KafkaStreamMetrics"/> and so its own meter.
/// </summary>
public sealed class KafkaMeterRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly string topic;
    private readonly ConcurrentDictionary<(Meter Meter, string Counter), long> totals = new();

    /// <summary>Starts listening to the counters of <paramref name="topic"/>.</summary>
    public KafkaMeterRecorder(string topic)
    {
        this.topic = topic;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KafkaStreamMetrics.MeterName && instrument is Counter<long>)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(Record);
        listener.Start();
    }

    /// <summary>Messages read from the topic into silo caches, by every silo (a message read twice counts twice).</summary>
    public long Consumed => Total("shop.kafka.consumed");

    /// <summary>Errors the clients of the topic reported.</summary>
    public long ClientErrors => Total("shop.kafka.client_errors");

    /// <summary>How many silos have read from the topic.</summary>
    public int SilosConsuming => totals.Count(t => t.Key.Counter == "shop.kafka.consumed" && t.Value > 0);

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();

    private long Total(string counter) => totals.Where(t => t.Key.Counter == counter).Sum(t => t.Value);

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "topic" && Equals(tag.Value, topic))
            {
                totals.AddOrUpdate((instrument.Meter, instrument.Name), value, (_, total) => total + value);
                return;
            }
        }
    }
}
