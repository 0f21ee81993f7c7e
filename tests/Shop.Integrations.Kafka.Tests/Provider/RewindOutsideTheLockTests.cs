using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using Shop.Integrations.Kafka.Tests.Fixtures;

namespace Shop.Integrations.Kafka.Tests.Provider;

/// <summary>
/// A rewind below the silo cache reads Kafka; the partition's cache must keep serving its other cursors meanwhile,
/// and the read must end on the clock the provider is given.
/// </summary>
public sealed class RewindOutsideTheLockTests(MockKafkaServer server) : IClassFixture<MockKafkaServer>
{
    // Far beyond the test: only the fake clock can end the rewinds below.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromHours(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>While one stream's rewind waits for Kafka, another stream's cursor reads its cached message.</summary>
    [Fact]
    public async Task A_slow_rewind_does_not_block_another_cursor_of_the_partition()
    {
        var (cache, time) = CacheOverAnEmptyTopic();
        var rewound = StreamId.Create("probe", "rewound");
        var other = StreamId.Create("probe", "other");
        cache.AddToCache([ProviderParts.Batch(other, 100), ProviderParts.Batch(rewound, 101)]);

        // The empty topic holds nothing below the cache, so this rewind waits until the clock passes StartupTimeout.
        time.Arm();
        var rewinding = Task.Run(() => cache.GetCacheCursor(rewound, new EventSequenceTokenV2(0)));
        await time.FirstRead.WaitAsync(Deadline);
        var read = await Task.Run(() => FirstOffset(cache, other)).WaitAsync(Deadline);

        Assert.Equal(100, read);
        Assert.False(rewinding.IsCompleted, "the rewind ended before the clock passed its timeout");
        time.Advance(StartupTimeout);
        await Assert.ThrowsAsync<QueueCacheMissException>(() => rewinding.WaitAsync(Deadline));
    }

    /// <summary>Kafka not giving the range back ends the rewind in a cache miss when the injected clock, not the wall clock, passes StartupTimeout.</summary>
    [Fact]
    public async Task A_rewind_Kafka_cannot_answer_ends_in_a_cache_miss_on_the_injected_clock()
    {
        var (cache, time) = CacheOverAnEmptyTopic();
        var rewound = StreamId.Create("probe", "rewound");
        cache.AddToCache([ProviderParts.Batch(rewound, 50)]);

        time.Arm();
        var rewinding = Task.Run(() => cache.GetCacheCursor(rewound, new EventSequenceTokenV2(0)));
        await time.FirstRead.WaitAsync(Deadline);
        time.Advance(StartupTimeout);

        var miss = await Assert.ThrowsAsync<QueueCacheMissException>(() => rewinding.WaitAsync(Deadline));
        Assert.Equal("0", miss.Requested);
    }

    private (KafkaQueueCache Cache, SignallingTimeProvider Time) CacheOverAnEmptyTopic()
    {
        var parts = new ProviderParts(server.Kafka, StartupTimeout);
        var time = new SignallingTimeProvider();
        return (new KafkaQueueCache(100, TimeSpan.FromMinutes(5), time, parts.RewindReader(time)), time);
    }

    private static long FirstOffset(KafkaQueueCache cache, StreamId stream)
    {
        using var cursor = cache.GetCacheCursor(stream, new EventSequenceTokenV2(100));
#pragma warning disable CS0618 // The cache's cursor implements MoveNext; Orleans' default MoveNextWithResult is built on it.
        var moved = cursor.MoveNext();
#pragma warning restore CS0618
        return moved && cursor.GetCurrent(out _) is KafkaBatchContainer batch ? batch.Offset : -1;
    }
}
