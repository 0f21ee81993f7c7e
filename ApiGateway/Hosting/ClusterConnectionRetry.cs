using Microsoft.Extensions.Options;

namespace Shop.ApiGateway.Hosting;

/// <summary>
/// Client mode: keeps retrying the first connection to the cluster (every 2 seconds) until
/// <see cref="GatewayOptions.ClusterConnectSeconds"/> have passed, so a gateway started before its silos waits for them.
/// </summary>
public sealed partial class ClusterConnectionRetry(IOptions<GatewayOptions> options, TimeProvider time, ILogger<ClusterConnectionRetry> logger)
    : IClientConnectionRetryFilter
{
    private readonly DateTimeOffset _deadline = time.GetUtcNow().AddSeconds(options.Value.ClusterConnectSeconds);

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= _deadline)
        {
            return false;
        }

        LogRetry(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Orleans cluster is not reachable yet ({Reason}); retrying.")]
    private static partial void LogRetry(ILogger logger, string reason);
}
