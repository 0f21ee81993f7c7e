namespace Shop.Tests.Shared;

/// <summary>
/// Polls until a condition holds or a deadline passes: the tests' one way to wait, instead of sleeping for a guessed
/// time. A deadline that passes fails the test with the reason given and the last value seen. One source file,
/// compiled into each test project that waits (linked from their .csproj), as FreePort is.
/// </summary>
internal static class Eventually
{
    /// <summary>Default deadline, generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits until <paramref name="condition"/> returns true; fails with <paramref name="because"/> at the deadline.</summary>
    public static Task Until(Func<Task<bool>> condition, TimeSpan? timeout = null, string because = "the condition never held")
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Value(condition, held => held, timeout, because);
    }

    /// <summary>Waits until <paramref name="probe"/> returns a value that <paramref name="accept"/> takes, and returns it.</summary>
    public static async Task<T> Value<T>(
        Func<Task<T>> probe, Func<T, bool> accept, TimeSpan? timeout = null, string because = "no acceptable value came")
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var delay = FirstDelay;
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s: {because} (last value: {value}).");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(LongestDelay.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
        }
    }
}
