using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Silo.Seeding;

/// <summary>
/// Keeps <c>/readyz</c> unready until the seeded admin and catalog exist, so nothing routed to this host on readiness
/// (a load balancer, a login straight after start) can get ahead of the seeding.
/// </summary>
public sealed class SeedingHealthCheck(SeedingProgress progress) : IHealthCheck
{
    /// <summary>The check's name.</summary>
    public const string Name = "seeding";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(progress.Finished ? HealthCheckResult.Healthy(progress.State) : HealthCheckResult.Unhealthy(progress.State));
}
