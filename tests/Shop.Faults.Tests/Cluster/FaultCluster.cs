using System.Globalization;
using System.Security.Cryptography;
using Shop.Integrations.Kafka;
using Shop.Integrations.Kafka.Testing;
using Shop.LoadTests.Api;

namespace Shop.Faults.Tests.Cluster;

/// <summary>
/// The production topology on one machine: silos (state, reminders and membership on PostgreSQL, carts on Redis, the saga
/// on Kafka) and a Client-mode gateway told every silo slot's gateway endpoint, each a process of the real build. The
/// broker is librdkafka's mock cluster hosted in the test process. Silo slots have fixed ports, so a replacement silo
/// (rolling restart) comes up where the gateway already looks for one.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    /// <summary>Slots for silos: two or three running, the others for replacements.</summary>
    public const int SiloSlots = 6;

    /// <summary>The seeded admin.</summary>
    public const string AdminEmail = "admin@faults.example.com";

    private const string AdminPassword = "Faults-Admin-Pass-1";
    private const int Partitions = 4;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, string> common;
    private readonly (int Http, int Silo, int Gateway)[] slots;
    private readonly int gatewayHttpPort = FreePort.Next();
    private readonly string folder;

    private FaultCluster(Dictionary<string, string> common, string folder, MockKafkaCluster kafka)
    {
        this.common = common;
        this.folder = folder;
        Kafka = kafka;
        slots = [.. Enumerable.Range(0, SiloSlots).Select(_ => (FreePort.Next(), FreePort.Next(), FreePort.Next()))];
        Api = new ShopApi(new Uri($"http://127.0.0.1:{gatewayHttpPort.ToString(CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>The running silos by slot.</summary>
    public ShopProcess?[] Silos { get; } = new ShopProcess?[SiloSlots];

    /// <summary>The gateway, when running.</summary>
    public ShopProcess? Gateway { get; private set; }

    /// <summary>The REST API through the gateway (the same address across gateway restarts).</summary>
    public ShopApi Api { get; }

    /// <summary>The broker.</summary>
    public MockKafkaCluster Kafka { get; }

    /// <summary>Broker ids of the mock cluster.</summary>
    public static IReadOnlyList<int> Brokers { get; } = [1, 2, 3];

    /// <summary>Where the processes' logs are.</summary>
    public string Logs => folder;

    /// <summary>
    /// A new cluster on its own database: <paramref name="silos"/> silos (the first alone, so it migrates the schema and
    /// seeds the admin), then the gateway, each waited for until ready.
    /// </summary>
    public static async Task<FaultCluster> StartAsync(PostgresServer postgres, RedisServer redis, string purpose, int silos)
    {
        var database = await postgres.CreateDatabaseAsync(purpose);
        var kafka = MockKafkaCluster.Start(Brokers.Count);
        var topics = new KafkaStreamOptions { TopicPrefix = "shop-", Partitions = Partitions };
        kafka.CreateTopic(topics.TopicFor("saga"), Partitions);
        kafka.CreateTopic(topics.DeadLetterTopicFor("saga"), Partitions);
        var id = $"{purpose}-{Guid.NewGuid():N}"[..24];
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Postgres"] = database,
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Shop__Orleans__Clustering"] = "AdoNet",
            ["Shop__Orleans__ClusterId"] = id,
            ["Shop__Orleans__ServiceId"] = id,
            ["Shop__Storage__Default"] = "Postgres",
            ["Shop__Storage__carts"] = "Redis",
            ["Shop__Streams__Provider"] = "Kafka",
            ["Shop__Kafka__BootstrapServers"] = kafka.BootstrapServers,
            ["Shop__Kafka__Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
            // The mock answers an empty fetch only when its wait is over.
            ["Shop__Kafka__FetchWaitMax"] = "00:00:00.005",
            ["Shop__Admin__Email"] = AdminEmail,
            ["Shop__Admin__Password"] = AdminPassword,
            ["Shop__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Shop__Auth__PasswordHashIterations"] = "1000",
            ["Shop__RateLimits__Auth__PermitLimit"] = "1000000",
            // Orders whose saga an outage held up still end within the test: holds and deadlines of seconds.
            ["Shop__Saga__ReservationHold"] = "00:00:20",
            ["Shop__Saga__OrderDeadline"] = "00:00:40",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        var cluster = new FaultCluster(common, Directory.CreateTempSubdirectory("shop-faults-").FullName, kafka);
        try
        {
            for (var slot = 0; slot < silos; slot++)
            {
                await cluster.StartSiloAsync(slot);
            }

            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a silo in <paramref name="slot"/> and waits until it is ready (joined, seeded).</summary>
    public async Task StartSiloAsync(int slot)
    {
        var (http, silo, gateway) = slots[slot];
        var settings = new Dictionary<string, string>(common)
        {
            ["Shop__Orleans__SiloPort"] = silo.ToString(CultureInfo.InvariantCulture),
            ["Shop__Orleans__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            // The gateway is told loopback endpoints; a silo otherwise advertises (and listens on) the machine's address.
            ["Shop__Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Shop__Search__Lucene__Path"] = Path.Combine(folder, $"search-{slot}"),
            ["Shop__Email__PickupFolder"] = Path.Combine(folder, $"mail-{slot}"),
        };
        var process = ShopProcess.Start($"silo-{slot}", Build("Silo", "Shop.Silo.dll"), settings, folder, http);
        Silos[slot] = process;
        await WaitReadyAsync(process);
    }

    /// <summary>Starts the gateway (again) on its one address and waits until it is ready.</summary>
    public async Task StartGatewayAsync()
    {
        var settings = new Dictionary<string, string>(common)
        {
            ["Shop__Gateway__Mode"] = "Client",
            ["Shop__Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        for (var slot = 0; slot < SiloSlots; slot++)
        {
            settings[$"Shop__Orleans__Gateways__{slot.ToString(CultureInfo.InvariantCulture)}"] =
                $"127.0.0.1:{slots[slot].Gateway.ToString(CultureInfo.InvariantCulture)}";
        }

        Gateway = ShopProcess.Start("gateway", Build("ApiGateway", "Shop.ApiGateway.dll"), settings, folder, gatewayHttpPort);
        await WaitReadyAsync(Gateway);
    }

    /// <summary>Signs the seeded admin in; returns the access token.</summary>
    public async Task<string> AdminTokenAsync()
    {
        var body = Shop.LoadTests.Scenarios.Json.Of(new { email = AdminEmail, password = AdminPassword });
        var response = await Eventually.Value(
            () => Api.SendAsync(HttpMethod.Post, "/v1/auth/login", body), r => r.Ok, StartTimeout, "the seeded admin to sign in");
        return response.Text("accessToken")!;
    }

    /// <summary>Kills every process at once (a node or zone lost).</summary>
    public async Task KillEverythingAsync()
    {
        await Task.WhenAll(Silos.Where(s => s is not null).Select(s => s!.KillAsync()).Append(Gateway?.KillAsync() ?? Task.CompletedTask));
        Array.Clear(Silos);
        Gateway = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        foreach (var process in Silos.Append(Gateway))
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        Kafka.Dispose();
    }

    private static async Task WaitReadyAsync(ShopProcess process)
    {
        using var http = new HttpClient { BaseAddress = process.Http, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(
            async () =>
            {
                Assert.True(process.IsRunning, $"{process.Name} exited while starting; see its log");
                try
                {
                    return (await http.GetAsync(new Uri("readyz", UriKind.Relative))).IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            StartTimeout,
            $"{process.Name} to be ready");
    }

    /// <summary>The build output of a host project, in the configuration these tests were built in.</summary>
    private static string Build(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Shop.sln")))
        {
            repository = repository.Parent;
        }

        Assert.NotNull(repository);
        var path = Path.Combine(repository.FullName, project, "bin", configuration, output.Name, dll);
        Assert.True(File.Exists(path), $"{path} is missing: build tests/Shop.Faults.Tests (it builds the hosts)");
        return path;
    }
}
