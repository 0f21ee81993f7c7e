namespace Shop.Integrations.Kafka.Hosting;

/// <summary>Adds Kafka persistent streams to a silo.</summary>
public static class KafkaStreamsSiloBuilderExtensions
{
    /// <summary>Adds stream provider <paramref name="name"/> on Kafka with the given options.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions> configure) =>
        builder.AddKafkaStreams(name, c => c.ConfigureKafka(configure));

    /// <summary>Adds stream provider <paramref name="name"/> on Kafka; the configurator also sets pulling-agent and balancer options.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<SiloKafkaStreamConfigurator> configure)
    {
        var configurator = new SiloKafkaStreamConfigurator(name, services => builder.ConfigureServices(services));
        configure(configurator);
        return builder;
    }
}
