using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Common;
using Shop.Grains;
using Shop.Grains.Payments;
using Shop.Integrations.Search;
using Shop.Integrations.SendGrid;
using Shop.Integrations.Stripe;
using Shop.ServiceDefaults.Clustering;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Errors;
using Shop.Silo.Configuration;
using Shop.Silo.Lifecycle;
using Shop.Silo.Seeding;
using Shop.Silo.Storage;
using Shop.Silo.Telemetry;

namespace Shop.Silo;

/// <summary>
/// The one place that wires a Shop silo from configuration: clustering, storage per logical name, streams,
/// reminders and the grains' ports. The Silo host, the co-hosted gateway and the test clusters all use it.
/// </summary>
public static class ShopSiloExtensions
{
    /// <summary>Runs a Shop silo inside this host (the Silo program, or the gateway in co-hosted mode).</summary>
    public static IHostApplicationBuilder AddShopSilo(this IHostApplicationBuilder builder)
    {
        var cluster = ReadClusterOptions(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.Configure<Orleans.Configuration.GrainDirectoryOptions>(o => o.CacheSize = cluster.DirectoryCacheSize);
            UseClustering(silo, cluster, builder.Configuration);
            silo.AddShopMembership();
            silo.AddShopSiloParts(builder.Configuration);
            silo.AddShopOrleansDashboard(builder.Configuration, builder.Environment);
        });

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyOutageClassifier, StorageOutageClassifier>());
        // Registered after the silo, so it starts once the silo runs.
        builder.Services.AddSingleton(SeedSettings.From(builder.Configuration, builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton<SeedingProgress>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHealthChecks().AddCheck<SeedingHealthCheck>(SeedingHealthCheck.Name, tags: [Shop.ServiceDefaults.Health.HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Everything of a Shop silo except clustering: storage, streams, reminders, grain services. Test clusters call
    /// this so they run the same wiring as production.
    /// </summary>
    public static ISiloBuilder AddShopSiloParts(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Each grain call carries the caller's trace context; saga events carry it across streams (SagaTracing).
        silo.AddActivityPropagation();
        silo.AddShopStorage(configuration);
        AddStreams(silo, ReadStreamsOptions(configuration), configuration);
        silo.Services.AddShopGrains(configuration);
        silo.Services.AddShopProductSearch(configuration);
        silo.Services.AddShopEmail(configuration);
        AddPayments(silo, configuration);
        return silo;
    }

    private static void UseClustering(ISiloBuilder silo, OrleansClusterOptions cluster, IConfiguration configuration)
    {
        switch (cluster.Clustering)
        {
            case ClusteringMode.Localhost:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
            case ClusteringMode.AdoNet:
                silo.UseShopAdoNetClustering(cluster, configuration);
                silo.AddJoiningHeartbeat();
                break;
            default:
                throw new InvalidOperationException(
                    $"Setting {OrleansClusterOptions.Section}:Clustering={cluster.Clustering} is not available in this build yet.");
        }
    }

    private static void AddPayments(ISiloBuilder silo, IConfiguration configuration)
    {
        // One registration per choice, so the adapter never depends on which registration came last.
        if (BindAndValidate<PaymentsOptions>(configuration, PaymentsOptions.Section).UsesStripe)
        {
            silo.Services.AddStripePayments(configuration);
            return;
        }

        silo.Services.AddShopTestPayments();
    }

    private static void AddStreams(ISiloBuilder silo, StreamsOptions streams, IConfiguration configuration)
    {
        switch (streams.Provider)
        {
            case StreamsBackend.Memory:
                silo.AddMemoryStreams(StreamNames.Provider, memory => memory.ConfigurePullingAgent(agent =>
                    agent.Configure(options => options.GetQueueMsgsTimerPeriod = streams.PollPeriod)));
                break;
            case StreamsBackend.Kafka:
                silo.AddShopKafkaStreams(configuration, streams.PollPeriod);
                break;
            default:
                throw new InvalidOperationException(
                    $"Setting {StreamsOptions.Section}:Provider={streams.Provider} is not available in this build yet.");
        }
    }

    /// <summary>Reads and validates the cluster options; a bad value stops the start with a message naming the setting.</summary>
    public static OrleansClusterOptions ReadClusterOptions(IConfiguration configuration) =>
        ShopClusterClient.ReadClusterOptions(configuration);

    private static StreamsOptions ReadStreamsOptions(IConfiguration configuration) =>
        BindAndValidate<StreamsOptions>(configuration, StreamsOptions.Section);

    /// <summary>Binds a section and runs its data-annotation checks, naming the setting that is wrong.</summary>
    public static T BindAndValidate<T>(IConfiguration configuration, string section)
        where T : class, new() => ShopOptions.Read<T>(configuration, section);
}
