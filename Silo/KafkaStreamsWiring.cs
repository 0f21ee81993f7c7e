using Shop.Common;
using Shop.Integrations.Kafka;
using Shop.Integrations.Kafka.Hosting;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Silo;

/// <summary>Wires the <c>saga</c> stream provider on Kafka from <c>Shop:Kafka</c> (<c>Shop:Streams:Provider=Kafka</c>).</summary>
public static class KafkaStreamsWiring
{
    /// <summary>Configuration section of the Kafka settings.</summary>
    public const string Section = "Shop:Kafka";

    /// <summary>
    /// Adds the saga provider on Kafka, its pulling agents reading their partitions every <paramref name="pollPeriod"/>;
    /// missing or malformed settings stop the start, naming the setting.
    /// </summary>
    public static ISiloBuilder AddShopKafkaStreams(this ISiloBuilder silo, IConfiguration configuration, TimeSpan pollPeriod)
    {
        // Read now so a bad setting stops the start, naming its key, before Orleans asks for the provider's options.
        var withDefaults = WithDefaults(configuration);
        ShopOptions.Read(withDefaults, Section, new KafkaStreamOptionsValidator(Section));
        silo.AddKafkaStreams(StreamNames.Provider, c =>
        {
            c.ConfigureKafka(o => withDefaults.GetSection(Section).Bind(o));
            c.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = pollPeriod));
        });
        return silo;
    }

    // Defaults that depend on other settings sit under what the operator configured, so a configured value wins.
    private static IConfiguration WithDefaults(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([
                // One group per service: every silo of the service shares the committed offsets.
                new($"{Section}:{nameof(KafkaStreamOptions.ConsumerGroup)}", $"{ShopSiloExtensions.ReadClusterOptions(configuration).ServiceId}-saga"),
            ])
            .AddConfiguration(configuration)
            .Build();
}
