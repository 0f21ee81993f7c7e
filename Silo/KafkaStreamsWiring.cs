using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Integrations.Kafka;
using Shop.Integrations.Kafka.Hosting;

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
        // Read now so a bad setting stops the start before Orleans asks for the provider's options.
        Read(configuration);
        silo.AddKafkaStreams(StreamNames.Provider, c =>
        {
            c.ConfigureKafka(o => Bind(configuration, o));
            c.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = pollPeriod));
        });
        return silo;
    }

    /// <summary>Reads and validates <c>Shop:Kafka</c>.</summary>
    public static KafkaStreamOptions Read(IConfiguration configuration)
    {
        var options = new KafkaStreamOptions();
        Bind(configuration, options);
        var errors = KafkaStreamOptionsValidator.Errors(options).Select(e => $"Setting {Section}:{e}").ToList();
        return errors.Count == 0 ? options : throw new OptionsValidationException(Section, typeof(KafkaStreamOptions), errors);
    }

    private static void Bind(IConfiguration configuration, KafkaStreamOptions options)
    {
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(Section, typeof(KafkaStreamOptions), [$"A setting under {Section} is malformed: {ex.Message}"]);
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            // One group per service: every silo of the service shares the committed offsets.
            options.ConsumerGroup = $"{ShopSiloExtensions.ReadClusterOptions(configuration).ServiceId}-saga";
        }
    }
}
