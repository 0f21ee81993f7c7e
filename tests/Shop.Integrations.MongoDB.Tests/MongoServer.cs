using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Shop.Integrations.MongoDB.Tests;

/// <summary>
/// A real mongod named by <c>SHOP_TEST_MONGO_URL</c> (none can be installed on the build machine). Each fixture
/// works in a database of its own and drops it at the end. Without the variable the scenarios are skipped.
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    /// <summary>The variable that names the server.</summary>
    public const string Variable = "SHOP_TEST_MONGO_URL";

    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    /// <summary>The connection string, or null when no server is configured.</summary>
    public string? Url { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    /// <summary>The database of this fixture.</summary>
    public string DatabaseName { get; } = "shop_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The storage under test, started (indexes created); null without a server.</summary>
    public MongoDBGrainStorage? Storage { get; private set; }

    /// <summary>The database, for looking at the documents as a person would.</summary>
    public IMongoDatabase? Database { get; private set; }

    /// <summary>Skips the calling test when no server is configured.</summary>
    public MongoDBGrainStorage RequireStorage()
    {
        Skip.If(Storage is null, $"{Variable} is not set: these scenarios need a real mongod, and none can be installed here.");
        return Storage!;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Url is null)
        {
            return;
        }

        var options = new MongoDBGrainStorageOptions { ConnectionString = Url, DatabaseName = DatabaseName, CollectionPrefix = "catalog." };
        Storage = new MongoDBGrainStorage(
            "catalog", options, _services.GetRequiredService<IActivatorProvider>(), NullLogger<MongoDBGrainStorage>.Instance);
        await Storage.Start(CancellationToken.None);
        Database = new MongoClient(Url).GetDatabase(DatabaseName);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.Client.DropDatabaseAsync(DatabaseName);
        }

        await _services.DisposeAsync();
    }
}
