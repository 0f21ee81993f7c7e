using Npgsql;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb in a temp folder, started by
/// pg_ctl on a free loopback port with fsync off, run as the <c>postgres</c> OS user when the tests run as root, and
/// stopped and deleted at the end. Each test takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string OsUser = "postgres";

    // Debian installs each major version's server programs under /usr/lib/postgresql/MAJOR/bin and none on PATH;
    // SHOP_TEST_POSTGRES_BIN names another folder (a different distribution or a source build).
    private static readonly string BinDirectory = FindBinDirectory();

    private string? folder;

    /// <summary>Why the tests that need PostgreSQL are skipped, or null when the server runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(folder!, "data");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb))
        {
            SkipReason = $"PostgreSQL is not installed ({initdb} is missing; ./test.sh installs it, or set SHOP_TEST_POSTGRES_BIN).";
            return;
        }

        folder = Directory.CreateTempSubdirectory("shop-pg-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sockets"));
        if (ExternalProcess.IsRoot)
        {
            await ExternalProcess.RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", folder]);
        }

        await ExternalProcess.RunAsync(initdb, ["-D", DataDirectory, "--auth=trust", "-U", "postgres"], OsUser);
        // A free port can be taken by another process between choosing it and binding it (parallel test runs).
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && PortWasTaken())
            {
            }
        }
    }

    private bool PortWasTaken() =>
        File.ReadAllText(Path.Combine(folder!, "postgres.log")).Contains("Address already in use", StringComparison.Ordinal);

    /// <summary>
    /// Starts the server on its port and data directory, first by <see cref="InitializeAsync"/> and again after
    /// <see cref="StopAsync"/> with every database as it was (a restart of a production server).
    /// </summary>
    public async Task StartAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var sockets = Path.Combine(folder!, "sockets");
        // Every test has a database of its own and so connection pools of its own (a killed silo's pools stay open):
        // the default of 100 connections runs out within one run.
        await ExternalProcess.RunAsync(
            Path.Combine(BinDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-o", $"-p {Port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500",
             "-l", Path.Combine(folder!, "postgres.log"), "-w", "start"],
            OsUser);
    }

    /// <summary>
    /// Stops the server as an outage would (a fast shutdown: open connections are cut), keeping its data directory
    /// and port for <see cref="StartAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await ExternalProcess.RunAsync(
            Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], OsUser);
    }

    /// <summary>A connection string to a new, empty database of its own.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        Skip.If(SkipReason is not null, SkipReason);
        // PostgreSQL names are at most 63 bytes; the guid keeps databases of one run apart.
        var name = $"{purpose[..Math.Min(purpose.Length, 24)]}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExternalProcess.RunAsync(
            Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], OsUser);
        Directory.Delete(folder, recursive: true);
    }

    private static string FindBinDirectory()
    {
        var chosen = Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES_BIN");
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return chosen;
        }

        const string debianRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(folder => (Folder: folder, Major: int.TryParse(Path.GetFileName(folder), out var major) ? major : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? Path.Combine(debianRoot, "15", "bin");
    }
}
