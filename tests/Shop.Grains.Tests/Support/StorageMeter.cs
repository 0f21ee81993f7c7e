using System.Collections.Concurrent;

namespace Shop.Grains.Tests.Support;

/// <summary>Every state write a <see cref="CountingGrainStorage"/> saw, as the grain and the serialized size.</summary>
public sealed class StorageMeter
{
    /// <summary>The writes, oldest first.</summary>
    public ConcurrentQueue<(GrainId Grain, int Bytes)> Writes { get; } = new();

    /// <summary>The writes made while <paramref name="action"/> ran.</summary>
    public async Task<IReadOnlyList<(GrainId Grain, int Bytes)>> WritesDuring(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Writes.Count;
        await action();
        return [.. Writes.Skip(before)];
    }
}
