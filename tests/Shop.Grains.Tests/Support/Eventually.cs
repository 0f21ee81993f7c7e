namespace Shop.Grains.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes; the assertion mechanism instead of sleeps.</summary>
public static class Eventually
{
    /// <summary>Default deadline, generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until <paramref name="condition"/> returns true; fails with <paramref name="because"/> at the deadline.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan? timeout = null, string because = "the condition never held")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var delay = TimeSpan.FromMilliseconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout ?? DefaultTimeout}: {because}.");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(250, delay.TotalMilliseconds * 1.5));
        }
    }

    /// <summary>Waits until <paramref name="probe"/> returns a value that satisfies <paramref name="accept"/>, and returns it.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan? timeout = null, string because = "no acceptable value")
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        T value = default!;
        await Until(async () => accept(value = await probe()), timeout, because);
        return value;
    }
}
