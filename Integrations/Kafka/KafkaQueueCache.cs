using System.Diagnostics.CodeAnalysis;
using Orleans.Streams;

namespace Shop.Integrations.Kafka;

/// <summary>
/// The silo cache of one partition. A message leaves the cache (and its offset becomes committable) only once every
/// cursor of its stream has moved past it and it has stayed <c>MinTimeInCache</c>; purging stops at the first message
/// still in use, so the committed offset never skips an undelivered message. A subscriber that resumes from an older
/// token re-reads the messages still in the cache, and those already purged from Kafka again (<see cref="KafkaRewindReader"/>).
/// </summary>
internal sealed class KafkaQueueCache(int maxSize, TimeSpan minTimeInCache, TimeProvider time, KafkaRewindReader rewind) : IQueueCache
{
    private readonly Lock sync = new();
    private readonly LinkedList<Entry> entries = new();
    private readonly Dictionary<StreamId, List<Entry>> byStream = [];
    private readonly Dictionary<StreamId, HashSet<Cursor>> cursors = [];
    private long lowestRetained = -1;

    /// <inheritdoc />
    public int GetMaxAddCount()
    {
        lock (sync)
        {
            return Math.Max(0, maxSize - entries.Count);
        }
    }

    /// <inheritdoc />
    public bool IsUnderPressure()
    {
        lock (sync)
        {
            return entries.Count >= maxSize;
        }
    }

    /// <inheritdoc />
    public void AddToCache(IList<IBatchContainer> messages)
    {
        var now = time.GetTimestamp();
        lock (sync)
        {
            foreach (var batch in messages.Cast<KafkaBatchContainer>())
            {
                var entry = new Entry(batch, now);
                entries.AddLast(entry);
                if (!byStream.TryGetValue(batch.StreamId, out var list))
                {
                    byStream[batch.StreamId] = list = [];
                }

                list.Add(entry);
            }
        }
    }

    /// <inheritdoc />
    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        var purged = new List<IBatchContainer>();
        lock (sync)
        {
            while (entries.First is { } first && CanPurge(first.Value))
            {
                entries.RemoveFirst();
                RemoveFromStream(first.Value);
                lowestRetained = first.Value.Batch.Offset + 1;
                purged.Add(first.Value.Batch);
            }
        }

        purgedItems = purged.Count > 0 ? purged : null;
        return purgedItems is not null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The pulling agent expects this call to return a cursor that will deliver from <paramref name="token"/>, or to
    /// throw <see cref="QueueCacheMissException"/> (it then falls back to the batch that woke the stream). A cursor
    /// whose <see cref="IQueueCacheCursor.MoveNext"/> answers false is parked until new messages of its stream arrive,
    /// so a rewind below the cache is read here, before returning; but outside the lock, so the partition's other
    /// cursors, its reads and its purges go on while Kafka answers.
    /// </remarks>
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        Cursor cursor;
        long lowest;
        lock (sync)
        {
            lowest = entries.First?.Value.Batch.Offset ?? lowestRetained;
            var belowCache = token is not null && lowest >= 0 && token.SequenceNumber < lowest;
            cursor = new Cursor(this, streamId, belowCache ? token!.SequenceNumber : StartOffset(token));
            // Registered before the read: its position (below the cache) keeps the stream's cached messages from being
            // purged meanwhile, so nothing falls between what Kafka gives back and what the cache still holds.
            Register(cursor);
            if (!belowCache)
            {
                return cursor;
            }
        }

        try
        {
            cursor.Reread(rewind.Read(streamId, token!.SequenceNumber, lowest));
            return cursor;
        }
        catch
        {
            Release(cursor);
            throw;
        }
    }

    private void Register(Cursor cursor)
    {
        if (!cursors.TryGetValue(cursor.StreamId, out var set))
        {
            cursors[cursor.StreamId] = set = [];
        }

        set.Add(cursor);
    }

    private long StartOffset(StreamSequenceToken? token) =>
        // Like Orleans' SimpleQueueCache: a subscriber without a token starts at the newest cached message.
        token?.SequenceNumber ?? entries.Last?.Value.Batch.Offset ?? Math.Max(lowestRetained, 0);

    private bool CanPurge(Entry entry)
    {
        if (time.GetElapsedTime(entry.AddedAt) < minTimeInCache && entries.Count < maxSize)
        {
            return false;
        }

        // A message is delivered when every cursor of its stream has moved past it. A stream without cursors had its
        // subscribers registered within MinTimeInCache or has none.
        return !cursors.TryGetValue(entry.Batch.StreamId, out var set) || set.All(c => c.DeliveredBelow > entry.Batch.Offset);
    }

    private void RemoveFromStream(Entry entry)
    {
        var list = byStream[entry.Batch.StreamId];
        list.Remove(entry);
        if (list.Count == 0)
        {
            byStream.Remove(entry.Batch.StreamId);
        }
    }

    private Entry? Next(StreamId streamId, long position)
    {
        lock (sync)
        {
            if (!byStream.TryGetValue(streamId, out var list))
            {
                return null;
            }

            var index = list.BinarySearch(null!, new OffsetAtLeast(position));
            index = index < 0 ? ~index : index;
            return index < list.Count ? list[index] : null;
        }
    }

    private void Release(Cursor cursor)
    {
        lock (sync)
        {
            if (cursors.TryGetValue(cursor.StreamId, out var set) && set.Remove(cursor) && set.Count == 0)
            {
                cursors.Remove(cursor.StreamId);
            }
        }
    }

    private sealed class Entry(KafkaBatchContainer batch, long addedAt)
    {
        public KafkaBatchContainer Batch { get; } = batch;

        public long AddedAt { get; } = addedAt;
    }

    /// <summary>Orders entries against a position: used to find the first entry at or after it.</summary>
    private sealed class OffsetAtLeast(long position) : IComparer<Entry?>
    {
        public int Compare(Entry? x, Entry? y)
        {
            var offset = (x ?? y)!.Batch.Offset;
            var sign = offset < position ? -1 : 1;
            return x is null ? -sign : sign;
        }
    }

    private sealed class Cursor(KafkaQueueCache cache, StreamId streamId, long position) : IQueueCacheCursor
    {
        private readonly Queue<KafkaBatchContainer> rereading = new();
        private Entry? current;

        public StreamId StreamId { get; } = streamId;

        /// <summary>The next offset this cursor will deliver.</summary>
        public long Position { get; private set; } = position;

        /// <summary>
        /// Offsets below this one are delivered: the agent asks for the next message only after delivering the
        /// current one, so the current message counts as in flight until then.
        /// </summary>
        public long DeliveredBelow => current?.Batch.Offset ?? Position;

        /// <summary>Queues the messages read again from Kafka; they come before the cached ones.</summary>
        public void Reread(List<KafkaBatchContainer> batches)
        {
            foreach (var batch in batches)
            {
                rereading.Enqueue(batch);
            }
        }

        public IBatchContainer? GetCurrent(out Exception? exception)
        {
            exception = null;
            return current?.Batch;
        }

        public bool MoveNext()
        {
            // Messages read again from Kafka come first; every one of them is older than the cache.
            if (rereading.TryDequeue(out var old))
            {
                current = new Entry(old, 0);
                Position = old.Offset + 1;
                return true;
            }

            var next = cache.Next(StreamId, Position);
            if (next is null)
            {
                current = null;
                return false;
            }

            current = next;
            Position = next.Batch.Offset + 1;
            return true;
        }

        public void Refresh(StreamSequenceToken token)
        {
        }

        // The failure handler (the dead-letter topic) takes care of the event; the cursor moves on as for a delivered one.
        public void RecordDeliveryFailure()
        {
        }

        public void Dispose() => cache.Release(this);
    }
}
