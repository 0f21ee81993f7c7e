using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Shop.ApiGateway.Hosting;

/// <summary>Ready when the Orleans cluster answers a management call within the readiness timeout.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains, IOptions<GatewayOptions> options) : IHealthCheck
{
    /// <summary>Tag of the readiness checks.</summary>
    public const string ReadyTag = Shop.ServiceDefaults.Health.HealthEndpoints.ReadyTag;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(options.Value.ReadinessTimeoutSeconds), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer.", ex);
        }
    }
}
