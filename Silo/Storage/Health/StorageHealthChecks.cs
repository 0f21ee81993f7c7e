using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Silo.Storage.Health;

/// <summary>Registers the readiness checks of the configured storage servers (tag <see cref="ReadyTag"/>).</summary>
public static class StorageHealthChecks
{
    /// <summary>The tag of checks that belong on <c>/readyz</c>.</summary>
    public const string ReadyTag = Shop.ServiceDefaults.Health.HealthEndpoints.ReadyTag;

    /// <summary>
    /// Adds a <see cref="PostgresHealthCheck"/> ("postgres") when <c>ConnectionStrings:Postgres</c> is set and a
    /// <see cref="RedisHealthCheck"/> ("redis") when <c>ConnectionStrings:Redis</c> is set; an unset backend is not checked.
    /// </summary>
    public static IHealthChecksBuilder AddShopStorageChecks(this IHealthChecksBuilder checks, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var connections = StorageConnections.Read(configuration);
        var timeout = TimeSpan.FromSeconds(3);
        if (connections.Postgres is { } postgres)
        {
            checks.Add(new HealthCheckRegistration(
                "postgres", _ => new PostgresHealthCheck(postgres), HealthStatus.Unhealthy, [ReadyTag], timeout));
        }

        if (connections.Redis is { } redis)
        {
            // One instance for the process: it owns the Redis connection.
            checks.Services.AddSingleton(new RedisHealthCheck(redis));
            checks.Add(new HealthCheckRegistration(
                "redis", services => services.GetRequiredService<RedisHealthCheck>(), HealthStatus.Unhealthy, [ReadyTag], timeout));
        }

        return checks;
    }
}
