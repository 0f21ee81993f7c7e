namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Polls until a condition holds or a deadline passes (no fixed sleeps).</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> accepts the value; fails after <paramref name="timeout"/> (default 20 s).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what ?? "a condition"}; last value: {value}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
