using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shop.Integration.Tests.Fixtures;
using Shop.Silo.Storage;
using Shop.Silo.Storage.Postgres;

namespace Shop.Integration.Tests;

[Collection(ServersFixtures.Name)]
public sealed class MigrationTests(PostgresServer postgres)
{
    // Every key the Orleans 10 clustering, persistence and reminder providers read from OrleansQuery.
    private static readonly string[] ProviderQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static PostgresMigrator Migrator(string connectionString) => new(connectionString, NullLogger<PostgresMigrator>.Instance);

    [SkippableFact]
    public async Task The_migration_applies_to_an_empty_database_and_applying_it_again_changes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_twice");

        var first = await Migrator(database).MigrateAsync();
        var afterFirst = await SchemaSnapshot(database);
        var second = await Migrator(database).MigrateAsync();
        var afterSecond = await SchemaSnapshot(database);

        Assert.Equal([1, 2, 3, 4], first);
        Assert.Empty(second);
        Assert.Equal(afterFirst, afterSecond);
    }

    [SkippableFact]
    public async Task The_migration_provides_every_query_the_providers_read()
    {
        var database = await postgres.CreateDatabaseAsync("query_keys");

        await Migrator(database).MigrateAsync();
        var keys = await Strings(database, "SELECT QueryKey FROM OrleansQuery");

        Assert.Empty(ProviderQueryKeys.Except(keys));
    }

    [SkippableFact]
    public async Task Silos_migrating_at_the_same_time_apply_each_script_once()
    {
        var database = await postgres.CreateDatabaseAsync("concurrent");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator(database).MigrateAsync())));

        Assert.Equal([1, 2, 3, 4], runs.SelectMany(r => r).Order());
        Assert.Equal(["1", "2", "3", "4"], await Strings(database, "SELECT version::text FROM shop_schema_migrations ORDER BY version"));
    }

    [SkippableFact]
    public async Task An_applied_migration_that_was_edited_afterwards_stops_the_migration()
    {
        var database = await postgres.CreateDatabaseAsync("edited");
        await Migrator(database).MigrateAsync();
        await Execute(database, "UPDATE shop_schema_migrations SET checksum = repeat('0', 64) WHERE version = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(database).MigrateAsync());

        Assert.Contains("0002_orleans_persistence.sql", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_migrate_command_applies_the_migrations_and_then_reports_nothing_to_do()
    {
        var database = await postgres.CreateDatabaseAsync("command");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Postgres", database)]).Build();
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.Equal(0, await MigrateCommand.RunAsync(configuration, first));
        Assert.Equal(0, await MigrateCommand.RunAsync(configuration, second));

        Assert.Contains("1, 2, 3", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing to apply", second.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(database, first.ToString() + second, StringComparison.Ordinal);
    }

    private static async Task<string> SchemaSnapshot(string database)
    {
        var columns = await Strings(database, """
            SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1
            """);
        var indexes = await Strings(database, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        var queries = await Strings(database, "SELECT QueryKey || '=' || md5(QueryText) FROM OrleansQuery ORDER BY 1");
        var history = await Strings(database, "SELECT version || ' ' || checksum || ' ' || applied_at FROM shop_schema_migrations ORDER BY 1");
        return string.Join('\n', columns.Concat(indexes).Concat(queries).Concat(history));
    }

    private static async Task<List<string>> Strings(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
