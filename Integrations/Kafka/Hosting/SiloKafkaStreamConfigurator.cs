using Microsoft.Extensions.DependencyInjection;

namespace Shop.Integrations.Kafka.Hosting;

/// <summary>Configures a Kafka persistent stream provider on a silo.</summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>Registers provider <paramref name="name"/>; its options are validated when the silo starts.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, KafkaQueueAdapterFactory.Create)
    {
        ConfigureDelegate(services => KafkaStreamServices.Add(services, name));
    }

    /// <summary>Sets the Kafka options.</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<KafkaStreamOptions> configure)
    {
        this.Configure<KafkaStreamOptions>(ob => ob.Configure(configure));
        return this;
    }
}
