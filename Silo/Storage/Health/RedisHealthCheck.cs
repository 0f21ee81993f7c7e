using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Shop.Silo.Storage.Health;

/// <summary>
/// Readiness of Redis: a PING is answered. One multiplexer is kept for the process (connecting per check would be slow
/// and leak sockets); it reconnects by itself after Redis comes back.
/// </summary>
public sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim connecting = new(1, 1);
    private ConnectionMultiplexer? multiplexer;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException or TimeoutException)
        {
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "Redis does not answer.", ex);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (multiplexer is { } existing)
        {
            return existing;
        }

        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (multiplexer is null)
            {
                var options = ConfigurationOptions.Parse(connectionString);
                // Keep the multiplexer even when Redis is down at the first check; it connects when Redis is back.
                options.AbortOnConnectFail = false;
                multiplexer = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            }

            return multiplexer;
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        connecting.Dispose();
    }
}
