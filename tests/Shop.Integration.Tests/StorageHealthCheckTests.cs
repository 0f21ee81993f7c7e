using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Integration.Tests.Fixtures;
using Shop.Silo.Storage.Health;

namespace Shop.Integration.Tests;

[Collection(ServersFixtures.Name)]
public sealed class StorageHealthCheckTests(PostgresServer postgres, RedisServer redis)
{
    private static HealthCheckContext Context(IHealthCheck check) => new()
    {
        Registration = new HealthCheckRegistration("storage", check, HealthStatus.Unhealthy, tags: null),
    };

    private static async Task<HealthStatus> Check(IHealthCheck check) => (await check.CheckHealthAsync(Context(check))).Status;

    [SkippableFact]
    public async Task PostgreSQL_is_ready_when_it_answers_and_not_when_nothing_listens()
    {
        var database = await postgres.CreateDatabaseAsync("health");

        Assert.Equal(HealthStatus.Healthy, await Check(new PostgresHealthCheck(database)));
        Assert.Equal(HealthStatus.Unhealthy, await Check(new PostgresHealthCheck($"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Timeout=2")));
    }

    [SkippableFact]
    public async Task Redis_is_ready_when_it_answers_and_not_when_nothing_listens()
    {
        await using var up = new RedisHealthCheck(redis.ConnectionString);
        await using var down = new RedisHealthCheck($"127.0.0.1:{FreePort.Next()},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000");

        Assert.Equal(HealthStatus.Healthy, await Check(up));
        Assert.Equal(HealthStatus.Unhealthy, await Check(down));
    }
}
