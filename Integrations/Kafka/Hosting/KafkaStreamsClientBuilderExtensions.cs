namespace Shop.Integrations.Kafka.Hosting;

/// <summary>Adds Kafka persistent streams to a cluster client.</summary>
public static class KafkaStreamsClientBuilderExtensions
{
    /// <summary>Adds stream provider <paramref name="name"/> on Kafka with the given options.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<KafkaStreamOptions> configure)
    {
        new ClusterClientKafkaStreamConfigurator(name, builder).ConfigureKafka(configure);
        return builder;
    }
}
