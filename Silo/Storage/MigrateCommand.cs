using Microsoft.Extensions.Logging.Abstractions;
using Shop.Silo.Storage.Postgres;

namespace Shop.Silo.Storage;

/// <summary>The <c>migrate</c> command of the Silo program: applies the PostgreSQL migrations and exits.</summary>
public static class MigrateCommand
{
    /// <summary>Runs the migration against <c>ConnectionStrings:Postgres</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter? output = null)
    {
        output ??= Console.Out;
        var connections = StorageConnections.Read(configuration);
        if (connections.Postgres is null)
        {
            await output.WriteLineAsync($"Setting ConnectionStrings:{StorageConnections.PostgresName} (ConnectionStrings__{StorageConnections.PostgresName}) is required by 'migrate'.").ConfigureAwait(false);
            return 2;
        }

        var applied = await new PostgresMigrator(connections.Postgres, NullLogger<PostgresMigrator>.Instance).MigrateAsync().ConfigureAwait(false);
        await output.WriteLineAsync(applied.Count == 0
            ? "PostgreSQL schema is up to date; nothing to apply."
            : $"Applied PostgreSQL migrations: {string.Join(", ", applied)}.").ConfigureAwait(false);
        return 0;
    }
}
