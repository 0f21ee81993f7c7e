using Npgsql;

namespace Shop.Silo.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to the schema Shop needs (the Orleans ADO.NET tables and their <c>OrleansQuery</c>
/// rows). Idempotent: each script runs once, in its own transaction, recorded in <c>shop_schema_migrations</c> with
/// its checksum. A session advisory lock makes silos that start together take turns instead of racing.
/// </summary>
public sealed partial class PostgresMigrator(string connectionString, ILogger<PostgresMigrator> logger)
{
    // Any constant works as long as every Shop process uses the same one; this one spells "shopmig" in ASCII.
    private const long AdvisoryLockKey = 0x73686f706d6967;

    private readonly IReadOnlyList<MigrationScript> scripts = MigrationScript.Embedded();

    /// <summary>Applies the migrations that are not applied yet; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTable, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            var newlyApplied = new List<int>();
            foreach (var script in scripts)
            {
                if (IsAlreadyApplied(script, applied))
                {
                    continue;
                }

                await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
                newlyApplied.Add(script.Version);
            }

            LogMigrated(newlyApplied.Count, scripts.Count);
            return newlyApplied;
        }
        finally
        {
            // Closing the connection would release the lock too, but pooled connections stay open.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS shop_schema_migrations
        (
            version    integer      NOT NULL PRIMARY KEY,
            name       varchar(200) NOT NULL,
            checksum   char(64)     NOT NULL,
            applied_at timestamptz  NOT NULL DEFAULT now()
        )
        """;

    private static bool IsAlreadyApplied(MigrationScript script, Dictionary<int, string> applied)
    {
        if (!applied.TryGetValue(script.Version, out var checksum))
        {
            return false;
        }

        // An applied script must never change: the databases that ran the old text would silently differ.
        return checksum == script.Checksum
            ? true
            : throw new InvalidOperationException(
                $"PostgreSQL migration {script.Name} was applied with checksum {checksum} but the silo carries {script.Checksum}. " +
                "Applied migrations must not be edited; add a new migration instead.");
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM shop_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, script.Sql, cancellationToken, transaction).ConfigureAwait(false);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO shop_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = script.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogApplied(script.Name);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Name}.")]
    private partial void LogApplied(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema is current: {Applied} migrations applied now, {Known} known.")]
    private partial void LogMigrated(int applied, int known);
}
