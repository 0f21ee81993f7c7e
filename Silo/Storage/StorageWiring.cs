using Orleans.Serialization;
using Orleans.Storage;
using Shop.Common;
using Shop.Grains.Carts;
using Shop.Grains.Orders.ReadModel;
using Shop.Integrations.MongoDB.Hosting;
using Shop.ServiceDefaults.Clustering;
using Shop.ServiceDefaults.Configuration;
using Shop.Silo.Configuration;
using Shop.Silo.Storage.Postgres;
using StackExchange.Redis;

namespace Shop.Silo.Storage;

/// <summary>
/// Wires the storage backends of DESIGN.md section 4 from configuration: grain storage per logical name
/// (<c>Shop:Storage</c>), reminders, ADO.NET clustering, and the PostgreSQL migration that those providers need.
/// </summary>
public static class StorageWiring
{
    /// <summary>The ADO.NET invariant that makes the Orleans providers load Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds one grain storage per name of <see cref="StorageNames.All"/> on its configured backend, reminders
    /// (PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, in memory otherwise) and, with PostgreSQL, the
    /// migration that runs before any provider starts.
    /// </summary>
    public static ISiloBuilder AddShopStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var storage = StorageOptions.Read(configuration);
        var connections = StorageConnections.Read(configuration);
        foreach (var name in StorageNames.All)
        {
            AddGrainStorage(silo, name, storage, connections, configuration);
        }

        AddOrderReadModel(silo, storage, connections);
        AddReminders(silo, connections);
        silo.AddIncomingGrainCallFilter<StorageOutageFilter>();
        if (connections.Postgres is { } postgres)
        {
            AddMigrationAtStart(silo, postgres);
        }

        // The ADO.NET storage logs its (password-redacted) connection string at Information; Shop logs none.
        silo.Services.AddLogging(logging => logging.AddFilter("Orleans.Storage.AdoNetGrainStorage", LogLevel.Warning));
        return silo;
    }

    /// <summary>Silo membership in PostgreSQL (<c>Shop:Orleans:Clustering=AdoNet</c>), listening on the configured ports.</summary>
    public static ISiloBuilder UseShopAdoNetClustering(this ISiloBuilder silo, OrleansClusterOptions cluster, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var connectionString = StorageConnections.Read(configuration).RequirePostgres($"{OrleansClusterOptions.Section}:Clustering=AdoNet");
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        if (cluster.Kubernetes)
        {
            // No ConfigureEndpoints: it fixes the advertised address to the first local one, while the hosting package
            // advertises the pod IP when none is set, and listens on every interface of the pod.
            silo.Configure<Orleans.Configuration.EndpointOptions>(endpoints =>
            {
                endpoints.SiloPort = cluster.SiloPort;
                endpoints.GatewayPort = cluster.GatewayPort;
            });
            silo.UseKubernetesHosting();
        }
        else if (cluster.AdvertisedAddress is { Length: > 0 } advertised)
        {
            if (!System.Net.IPAddress.TryParse(advertised, out var address))
            {
                throw ShopOptions.Refuse<OrleansClusterOptions>(OrleansClusterOptions.Section,
                    $"Setting {OrleansClusterOptions.Section}:AdvertisedAddress={advertised} is not an IP address.");
            }

            silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort);
        }
        else
        {
            // Advertise the first non-loopback address but listen on every interface: clients told a silo by another
            // address of the same host (a container's loopback, a load balancer's) are not refused.
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }

        return silo;
    }

    private static void AddGrainStorage(
        ISiloBuilder silo, string name, StorageOptions storage, StorageConnections connections, IConfiguration configuration)
    {
        var backend = storage.For(name);
        // Name the setting the operator actually wrote: the per-name override, or Default.
        var setting = storage.Overrides.ContainsKey(name)
            ? $"{StorageOptions.Section}:{name}={backend}"
            : $"{StorageOptions.Section}:Default={backend} (storage '{name}')";
        switch (backend)
        {
            case StorageBackend.Memory:
                silo.AddMemoryGrainStorage(name);
                UseOrleansSerializer(silo, name);
                break;
            case StorageBackend.Postgres:
                AddPostgresGrainStorage(silo, name, connections.RequirePostgres(setting));
                break;
            case StorageBackend.Redis:
                AddRedisGrainStorage(silo, name, connections.RequireRedis(setting), EntryExpiryFor(name, configuration));
                UseOrleansSerializer(silo, name);
                break;
            case StorageBackend.MongoDB:
                AddMongoDBGrainStorage(silo, name, MongoDBStorageSettings.Read(configuration, setting));
                break;
            default:
                throw new InvalidOperationException($"Setting {setting} is not available in this build yet.");
        }
    }

    /// <summary>
    /// Persisted state is written with Orleans' own serializer, not the Newtonsoft JSON default of the providers: every
    /// Shop state type is [GenerateSerializer] with [Id] members (version tolerant by design), while the JSON default
    /// cannot build records with required or init-only members and read-only collections (the saga states failed on it).
    /// The serializer is registered under the storage name, which the providers look up before the silo-wide default.
    /// </summary>
    private static void UseOrleansSerializer(ISiloBuilder silo, string name) =>
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(
            name, (services, _) => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));

    /// <summary>
    /// The ADO.NET provider runs under an inner name; the storage name itself resolves to a
    /// <see cref="GrainTypeScopedGrainStorage"/> over it, so grains of different types never share a row.
    /// </summary>
    private static void AddPostgresGrainStorage(ISiloBuilder silo, string name, string connectionString)
    {
        var rowsName = $"{name}-adonet";
        silo.AddAdoNetGrainStorage(rowsName, options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        UseOrleansSerializer(silo, rowsName);
        silo.Services.AddKeyedSingleton<IGrainStorage>(
            name, (services, _) => new GrainTypeScopedGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(rowsName)));
    }

    /// <summary>
    /// One collection per storage and state name (<c>catalog.state</c>): every Shop grain names its state "state",
    /// and the document id is the whole grain id (<c>product/LAMP-1</c>), so grain types never share a document.
    /// </summary>
    private static void AddMongoDBGrainStorage(ISiloBuilder silo, string name, MongoDBStorageSettings settings) =>
        silo.AddMongoDBGrainStorage(name, options =>
        {
            options.ConnectionString = settings.ConnectionString;
            options.DatabaseName = settings.DatabaseName;
            options.CollectionPrefix = name + ".";
        });

    private static void AddRedisGrainStorage(ISiloBuilder silo, string name, string connectionString, TimeSpan? entryExpiry)
    {
        var redis = ParseRedis(connectionString);
        silo.AddRedisGrainStorage(name, options =>
        {
            options.ConfigurationOptions = redis.Clone();
            options.EntryExpiry = entryExpiry;
        });
    }

    /// <summary>
    /// Carts expire by Redis key expiry after <c>Shop:Carts:IdleExpiry</c>: every write renews the key's time to live,
    /// so only idle carts vanish. (Orleans warns that an expiring entry can yield a second activation with empty
    /// state; for a cart that was idle that long, empty is exactly the intended reading.) Other names never expire.
    /// </summary>
    private static TimeSpan? EntryExpiryFor(string name, IConfiguration configuration) =>
        name == StorageNames.Carts
            ? ShopSiloExtensions.BindAndValidate<CartOptions>(configuration, CartOptions.Section).IdleExpiry
            : null;

    private static ConfigurationOptions ParseRedis(string connectionString)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            // Keep retrying in the background while Redis is down instead of failing the silo start.
            options.AbortOnConnectFail = false;
            return options;
        }
        catch (ArgumentException)
        {
            // The message of the parser quotes the connection string; it may hold a password, so it is not passed on.
            throw ShopOptions.Refuse<StorageConnections>(StorageConnections.Section, $"Setting {StorageConnections.Section}:{StorageConnections.RedisName} is malformed.");
        }
    }

    /// <summary>
    /// The order read model lives beside the orders: in PostgreSQL tables of the shop's own (migration 0004) when the
    /// <c>orders</c> storage is PostgreSQL; otherwise the grains' in-memory default applies.
    /// </summary>
    private static void AddOrderReadModel(ISiloBuilder silo, StorageOptions storage, StorageConnections connections)
    {
        if (storage.For(StorageNames.Orders) == StorageBackend.Postgres)
        {
            var connectionString = connections.RequirePostgres($"{StorageOptions.Section}:{StorageNames.Orders}=Postgres (the order read model)");
            silo.Services.AddSingleton<IOrderReadModel>(sp => new PostgresOrderReadModel(connectionString, sp.GetRequiredService<Serializer>()));
        }
    }

    private static void AddReminders(ISiloBuilder silo, StorageConnections connections)
    {
        if (connections.Postgres is { } postgres)
        {
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = postgres;
            });
        }
        else
        {
            silo.UseInMemoryReminderService();
        }
    }

    private static void AddMigrationAtStart(ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddSingleton(sp => new PostgresMigrator(connectionString, sp.GetRequiredService<ILogger<PostgresMigrator>>()));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresMigrationParticipant>();
    }
}
