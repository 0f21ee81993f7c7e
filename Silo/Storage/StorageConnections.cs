using Microsoft.Extensions.Options;
using Npgsql;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Silo.Storage;

/// <summary>
/// The connection strings of the storage backends (<c>ConnectionStrings:Postgres</c>, <c>ConnectionStrings:Redis</c>).
/// A backend that is selected but has no connection string stops the start with a message naming both settings.
/// Connection strings are secrets: they are never logged or put into messages.
/// </summary>
public sealed class StorageConnections
{
    /// <summary>The configuration section of connection strings.</summary>
    public const string Section = "ConnectionStrings";

    /// <summary>Name of the PostgreSQL connection string.</summary>
    public const string PostgresName = "Postgres";

    /// <summary>Name of the Redis connection string.</summary>
    public const string RedisName = "Redis";

    /// <summary>The PostgreSQL connection string, or null when not configured.</summary>
    public string? Postgres { get; init; }

    /// <summary>The Redis connection string (StackExchange.Redis syntax), or null when not configured.</summary>
    public string? Redis { get; init; }

    /// <summary>
    /// Reads both connection strings; blank counts as missing. PostgreSQL connections skip the session reset when they
    /// go back to the pool, unless the connection string says otherwise (see <see cref="WithoutPoolReset"/>).
    /// </summary>
    public static StorageConnections Read(IConfiguration configuration) => new()
    {
        Postgres = NullIfBlank(configuration.GetConnectionString(PostgresName)) is { } postgres ? WithoutPoolReset(postgres) : null,
        Redis = NullIfBlank(configuration.GetConnectionString(RedisName)),
    };

    /// <summary>
    /// Sets <c>No Reset On Close=true</c> unless the operator chose a value. The Orleans ADO.NET providers open a
    /// pooled connection for every statement and set no session state, so Npgsql's reset (a <c>DISCARD ALL</c> before
    /// the next statement) only doubled the round trips: half of the shop's PostgreSQL transactions in a checkout.
    /// </summary>
    public static string WithoutPoolReset(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The message would repeat the string, password included.
            throw ShopOptions.Refuse<StorageConnections>(Section, $"Setting {Section}:{PostgresName} is not a valid PostgreSQL connection string.");
        }

        if (connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>The PostgreSQL connection string, required because <paramref name="requiredBy"/> selects PostgreSQL.</summary>
    public string RequirePostgres(string requiredBy) => Postgres ?? throw Missing(PostgresName, requiredBy);

    /// <summary>The Redis connection string, required because <paramref name="requiredBy"/> selects Redis.</summary>
    public string RequireRedis(string requiredBy) => Redis ?? throw Missing(RedisName, requiredBy);

    private static OptionsValidationException Missing(string name, string requiredBy) =>
        ShopOptions.Refuse<StorageConnections>(Section, $"Setting {Section}:{name} (environment variable {Section}__{name}) is required because {requiredBy}.");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
