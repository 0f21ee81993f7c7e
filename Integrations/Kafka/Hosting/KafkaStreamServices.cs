using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Shop.Integrations.Kafka.Hosting;

/// <summary>Services every Kafka stream provider needs, on silos and clients alike.</summary>
internal static class KafkaStreamServices
{
    public static void Add(IServiceCollection services, string name)
    {
        services.TryAddSingleton<KafkaStreamMetrics>();
        services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
        services.AddOptions<KafkaStreamOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaStreamOptions>>(new KafkaStreamOptionsValidator()));
    }
}
