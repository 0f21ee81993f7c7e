using Microsoft.Extensions.DependencyInjection;

namespace Shop.Integrations.Kafka.Hosting;

/// <summary>Configures a Kafka persistent stream provider on a cluster client (it produces; silos consume).</summary>
public sealed class ClusterClientKafkaStreamConfigurator : ClusterClientPersistentStreamConfigurator
{
    /// <summary>Registers provider <paramref name="name"/>; its options are validated when the client starts.</summary>
    public ClusterClientKafkaStreamConfigurator(string name, IClientBuilder builder)
        : base(name, builder, KafkaQueueAdapterFactory.Create)
    {
        builder.ConfigureServices(services => KafkaStreamServices.Add(services, name));
    }

    /// <summary>Sets the Kafka options.</summary>
    public ClusterClientKafkaStreamConfigurator ConfigureKafka(Action<KafkaStreamOptions> configure)
    {
        this.Configure<KafkaStreamOptions>(ob => ob.Configure(configure));
        return this;
    }
}
