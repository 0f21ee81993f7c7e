using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Shop.Grains.Catalog;
using Shop.Grains.Notifications;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Payments;
using Shop.Grains.Tests.Support;
using Shop.Orders.Events;
using Shop.Silo;

namespace Shop.Grains.Tests.Cluster;

/// <summary>
/// A two-silo in-process cluster wired by the production <see cref="ShopSiloExtensions.AddShopSiloParts"/> on memory
/// storage and memory streams, with a recording e-mail sender, one shared test payment gateway and a fake clock for
/// the grains. Subclasses change settings or services (duplicate delivery, short holds).
/// </summary>
public class ShopClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The grains, through the cluster client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The gateway-like driver.</summary>
    public ShopDriver Shop => new(Grains);

    /// <summary>The payment gateway every silo uses.</summary>
    public TestPaymentGateway Gateway { get; } = new();

    /// <summary>The payment port every silo uses: <see cref="Gateway"/>, whose charges a test can hold.</summary>
    public GatedPaymentGateway Payments { get; }

    /// <summary>The e-mail sender every silo uses.</summary>
    public RecordingEmailSender Emails { get; } = new();

    /// <summary>The search index every silo uses (in memory), recording its bulk writes.</summary>
    public RecordingSearchIndex SearchIndex { get; } = new();

    /// <summary>Every log record of the silos and the client (Shop categories from Debug, the rest from Information).</summary>
    public FakeLogCollector Logs { get; } = new();

    /// <summary>The saga events published, when the fixture keeps the default publisher.</summary>
    public ConcurrentQueue<OrderEvent> Published { get; } = new();

    /// <summary>
    /// The order read model every silo writes and reads when the cluster keeps orders in memory (one for the cluster, as
    /// one database would be).
    /// </summary>
    public InMemoryOrderReadModel ReadModel { get; } = new();

    /// <summary>The grains' clock.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Creates the fixture (the cluster starts in <see cref="InitializeAsync"/>).</summary>
    public ShopClusterFixture() => Payments = new GatedPaymentGateway(Gateway);

    /// <summary>The saga publisher of the first silo (to replay events as a broker would).</summary>
    public ISagaEventPublisher Publisher => Cluster.GetSiloServiceProvider().GetRequiredService<ISagaEventPublisher>();

    /// <summary>Settings of this cluster.</summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Shop:Saga:ReservationHold"] = "00:02:00",
        ["Shop:Saga:OrderDeadline"] = "00:05:00",
        ["Shop:Auth:PasswordHashIterations"] = "1000",
        ["Shop:Search:Lucene:InMemory"] = "true",
    };

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddShopSiloParts(configuration);
            silo.Services.AddSingleton<IEmailSender>(Emails);
            silo.Services.AddSingleton(Gateway);
            silo.Services.AddSingleton<IPaymentGateway>(Payments);
            silo.Services.AddSingleton<IProductSearchIndex>(SearchIndex);
            // One in-memory read model for the whole cluster; a PostgreSQL one (a fixture on PostgreSQL storage) stays.
            if (silo.Services.Any(d => d.ServiceType == typeof(IOrderReadModel) && d.ImplementationType == typeof(InMemoryOrderReadModel)))
            {
                silo.Services.AddSingleton<IOrderReadModel>(ReadModel);
            }

            silo.Services.AddKeyedSingleton<TimeProvider>(ShopClock.Key, Clock);
            silo.Services.AddLogging(CaptureLogs);
            ConfigureServices(silo.Services);
        });
        builder.ConfigureClient(client => client.Services.AddLogging(CaptureLogs));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>Changes the silo services after the production wiring; by default the saga events are recorded.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISagaEventPublisher>(sp => new RecordingSagaEventPublisher(sp.GetRequiredService<StreamSagaEventPublisher>(), Published));

    private void CaptureLogs(ILoggingBuilder logging) =>
        logging.AddProvider(new FakeLoggerProvider(Logs)).AddFilter<FakeLoggerProvider>("Shop", LogLevel.Debug);
}
