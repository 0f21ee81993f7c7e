using System.Text;
using Orleans.Streams;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>What the provider promises about delivery: committed offsets survive restarts, rewinds redeliver, poison is set aside.</summary>
[Collection(ProbeClusterDefinition.Name)]
public sealed class DeliveryGuaranteeTests(ProbeClusterFixture fixture)
{
    /// <summary>Stop every silo, start again on the same group: old events are not handled again, new ones are handled once.</summary>
    [Fact]
    public async Task A_full_cluster_restart_resumes_from_committed_offsets_without_loss_or_replay()
    {
        var prefix = ProbeCluster.FreshTopics(fixture.Kafka, "restart");
        var group = $"restart-{Guid.NewGuid():N}";
        var streams = ProbeCluster.NewStreams(4);
        var topic = new KafkaStreamOptions { TopicPrefix = prefix }.TopicFor(ProbeCluster.ProbeProvider);

        var first = await ProbeCluster.StartAsync(fixture.Kafka, prefix, group);
        await ProbeCluster.PublishRange(first, streams, 1, 5);
        await ProbeCluster.AllHandled(streams, 1, 5, ProbeCluster.Deadline);
        await Eventually.Until(
            () => Task.FromResult(KafkaInspector.Committed(fixture.Kafka.BootstrapServers, group, topic, ProbeCluster.Partitions) == 20),
            ProbeCluster.Deadline,
            "the delivered events were never all committed");
        await first.DisposeAsync();

        var second = await ProbeCluster.StartAsync(fixture.Kafka, prefix, group);
        try
        {
            await ProbeCluster.PublishRange(second, streams, 6, 10);
            await ProbeCluster.AllHandled(streams, 6, 10, ProbeCluster.Deadline);
        }
        finally
        {
            await second.DisposeAsync();
        }

        Assert.All(streams, s => Assert.All(Enumerable.Range(1, 10), n => Assert.Equal(1, ProbeLog.Count(s, n))));
    }

    /// <summary>A subscriber that resumes from the token of its first event receives every event again, in order, then the new one.</summary>
    [Fact]
    public async Task A_subscriber_resuming_from_an_older_token_receives_the_events_again()
    {
        // The rewind provider keeps messages in its cache for minutes: the rewind is served from the cache.
        var (probe, key, received) = await SubscriberWithThreeEvents(ProbeCluster.RewindProvider);

        await AssertResumingFromTheFirstTokenReplaysAll(probe, ProbeCluster.RewindProvider, key, received);
    }

    /// <summary>
    /// A subscriber that resumes from a token whose events were already purged from the silo cache (and committed)
    /// receives them again, read back from Kafka, in order, then the new one.
    /// </summary>
    [Fact]
    public async Task A_subscriber_resuming_from_a_token_older_than_the_cache_receives_the_events_again_from_Kafka()
    {
        // The probe provider keeps a delivered message 200 ms in its cache, then purges it and commits its offset.
        var (probe, key, received) = await SubscriberWithThreeEvents(ProbeCluster.ProbeProvider);
        var topic = new KafkaStreamOptions { TopicPrefix = fixture.TopicPrefix }.TopicFor(ProbeCluster.ProbeProvider);
        var partition = new KafkaQueueMapper(ProbeCluster.ProbeProvider, ProbeCluster.Partitions).PartitionFor(StreamId.Create(ProbeCluster.Namespace, key));
        // Only purged messages are committed, and purging goes in offset order: past the third, none of the three is cached.
        await Eventually.Until(
            () => Task.FromResult(KafkaInspector.CommittedAt(fixture.Kafka.BootstrapServers, fixture.Group, new(topic, partition)) > received[2].Token.SequenceNumber),
            ProbeCluster.Deadline,
            "the events were never purged from the cache and committed");

        await AssertResumingFromTheFirstTokenReplaysAll(probe, ProbeCluster.ProbeProvider, key, received);
    }

    /// <summary>A handler that always throws: the event lands in the dead-letter topic with the error and later events still flow.</summary>
    [Fact]
    public async Task A_poison_event_goes_to_the_dead_letter_topic_and_the_partition_keeps_flowing()
    {
        var key = Guid.NewGuid().ToString("N");
        await ProbeCluster.Publish(fixture.Cluster, ProbeCluster.ProbeProvider, key, new ProbeEvent(1), new ProbeEvent(2, Poison: true), new ProbeEvent(3));

        await ProbeCluster.AllHandled([key], 3, 3, ProbeCluster.Deadline);
        var deadLetterTopic = new KafkaStreamOptions { TopicPrefix = fixture.TopicPrefix }.DeadLetterTopicFor(ProbeCluster.ProbeProvider);
        var letters = KafkaInspector.ReadUntil(fixture.Kafka.BootstrapServers, deadLetterTopic, ProbeCluster.Partitions, r => r.Any(m => Header(m, "stream")?.Contains(key, StringComparison.Ordinal) == true), ProbeCluster.Deadline);

        var letter = Assert.Single(letters, m => Header(m, "stream")?.Contains(key, StringComparison.Ordinal) == true);
        Assert.NotEmpty(letter.Message.Value);
        Assert.Contains("delivery failed", Header(letter, "error"), StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (ProbeLog.Count(key, 1), ProbeLog.Count(key, 2), ProbeLog.Count(key, 3)));
    }

    /// <summary>
    /// A message that is not a batch of this provider cannot be delivered: it lands in the dead-letter topic as it was
    /// (bytes and headers) with the reason, its offset is committed past, and the partition's next event is handled.
    /// </summary>
    [Fact]
    public async Task An_unreadable_message_goes_to_the_dead_letter_topic_with_its_bytes_and_headers()
    {
        var options = new KafkaStreamOptions { TopicPrefix = fixture.TopicPrefix };
        var mark = Guid.NewGuid().ToString("N");
        var garbage = Encoding.UTF8.GetBytes($"not an Orleans batch {mark}");
        using var producer = new Confluent.Kafka.ProducerBuilder<byte[]?, byte[]>(new Confluent.Kafka.ProducerConfig { BootstrapServers = fixture.Kafka.BootstrapServers }).Build();
        var written = await producer.ProduceAsync(
            new Confluent.Kafka.TopicPartition(options.TopicFor(ProbeCluster.ProbeProvider), 0),
            new Confluent.Kafka.Message<byte[]?, byte[]> { Value = garbage, Headers = new Confluent.Kafka.Headers { { "mark", Encoding.UTF8.GetBytes(mark) } } });
        var key = KeyOnPartition(0);

        await ProbeCluster.Publish(fixture.Cluster, ProbeCluster.ProbeProvider, key, new ProbeEvent(1));

        await ProbeCluster.AllHandled([key], 1, 1, ProbeCluster.Deadline);
        var letters = KafkaInspector.ReadUntil(fixture.Kafka.BootstrapServers, options.DeadLetterTopicFor(ProbeCluster.ProbeProvider), ProbeCluster.Partitions, r => r.Any(m => Header(m, "mark") == mark), ProbeCluster.Deadline);
        var letter = Assert.Single(letters, m => Header(m, "mark") == mark);
        Assert.Equal(garbage, letter.Message.Value);
        Assert.StartsWith("unreadable", Header(letter, "error"), StringComparison.Ordinal);
        Assert.Equal(written.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(letter, "source-offset"));
        await Eventually.Until(
            () => Task.FromResult(KafkaInspector.CommittedAt(fixture.Kafka.BootstrapServers, fixture.Group, written.TopicPartition) > written.Offset.Value),
            ProbeCluster.Deadline,
            "the offsets were never committed past the unreadable message");
    }

    private async Task<(IRewindProbeGrain Probe, string Key, List<(int Number, StreamSequenceToken Token)> Received)> SubscriberWithThreeEvents(string provider)
    {
        var key = Guid.NewGuid().ToString("N");
        var probe = fixture.Cluster.Client.GetGrain<IRewindProbeGrain>(key);
        await probe.Subscribe(provider);
        await ProbeCluster.Publish(fixture.Cluster, provider, key, new ProbeEvent(1), new ProbeEvent(2), new ProbeEvent(3));
        var received = await Eventually.Value(probe.Received, r => r.Count == 3, ProbeCluster.Deadline, "the events never arrived");
        return (probe, key, received);
    }

    private async Task AssertResumingFromTheFirstTokenReplaysAll(IRewindProbeGrain probe, string provider, string key, List<(int Number, StreamSequenceToken Token)> received)
    {
        await probe.ResumeFrom(received[0].Token);
        // Orleans moves the agent's cursor back when it next hands the subscriber an event (the handshake answers with the older token).
        await ProbeCluster.Publish(fixture.Cluster, provider, key, new ProbeEvent(4));

        var again = await Eventually.Value(probe.Received, r => r.Count >= 7, ProbeCluster.Deadline, "the rewind redelivered nothing");
        Assert.Equal([1, 2, 3, 1, 2, 3, 4], again.Select(r => r.Number));
    }

    private static string KeyOnPartition(int partition)
    {
        var mapper = new KafkaQueueMapper(ProbeCluster.ProbeProvider, ProbeCluster.Partitions);
        while (true)
        {
            var key = Guid.NewGuid().ToString("N");
            if (mapper.PartitionFor(StreamId.Create(ProbeCluster.Namespace, key)) == partition)
            {
                return key;
            }
        }
    }

    private static string? Header(Confluent.Kafka.ConsumeResult<byte[]?, byte[]> message, string name) =>
        name == "stream" ? (message.Message.Key is { } k ? Encoding.UTF8.GetString(k) : null)
        : message.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
