using Shop.Grains.Tests.Cluster;
using Shop.Integration.Tests.Fixtures;

namespace Shop.Integration.Tests.Scenarios;

/// <summary>
/// The grains engineer's two-silo scenario cluster (<see cref="ShopClusterFixture"/>), but with the production storage of
/// issue 3: every storage name and the reminders on PostgreSQL (through Shop's migration), carts on Redis. It starts
/// its own PostgreSQL and Redis servers, because xunit collection fixtures cannot share another collection's fixtures.
/// </summary>
public class PostgresRedisClusterFixture : ShopClusterFixture, IAsyncLifetime
{
    private readonly (string Key, string Value)[] overrides;
    private readonly PostgresServer postgres = new();
    private readonly RedisServer redis = new();
    private string? database;

    /// <summary>The standard scenario settings on PostgreSQL and Redis.</summary>
    public PostgresRedisClusterFixture()
        : this([])
    {
    }

    /// <summary>The same, with some scenario settings replaced (e.g. shorter holds).</summary>
    protected PostgresRedisClusterFixture(params (string Key, string Value)[] overrides) => this.overrides = overrides;

    /// <inheritdoc />
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["ConnectionStrings:Postgres"] = database;
            settings["ConnectionStrings:Redis"] = redis.ConnectionString;
            settings["Shop:Storage:Default"] = "Postgres";
            settings["Shop:Storage:carts"] = "Redis";
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>Starts the servers, then the cluster on them.</summary>
    async Task IAsyncLifetime.InitializeAsync()
    {
        await postgres.InitializeAsync();
        await redis.InitializeAsync();
        // The scenario classes use [Fact], which cannot report a skip: without the servers they fail with the reason.
        if ((postgres.SkipReason ?? redis.SkipReason) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        database = await postgres.CreateDatabaseAsync("scenarios");
        await InitializeAsync();
    }

    /// <summary>Stops the cluster, then the servers.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await redis.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
