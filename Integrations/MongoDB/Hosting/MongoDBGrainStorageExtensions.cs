using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace Shop.Integrations.MongoDB.Hosting;

/// <summary>Registers <see cref="MongoDBGrainStorage"/> under a storage name.</summary>
public static class MongoDBGrainStorageExtensions
{
    /// <summary>Adds a MongoDB grain storage named <paramref name="name"/>; its options are validated when the silo starts.</summary>
    public static ISiloBuilder AddMongoDBGrainStorage(this ISiloBuilder builder, string name, Action<MongoDBGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMongoDBGrainStorage(name, configure);
        return builder;
    }

    /// <summary>Adds a MongoDB grain storage named <paramref name="name"/>; its options are validated when the silo starts.</summary>
    public static IServiceCollection AddMongoDBGrainStorage(this IServiceCollection services, string name, Action<MongoDBGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MongoDBGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<IConfigurationValidator>(sp =>
            new MongoDBGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<MongoDBGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, (sp, key) =>
            ActivatorUtilities.CreateInstance<MongoDBGrainStorage>(sp, key, sp.GetRequiredService<IOptionsMonitor<MongoDBGrainStorageOptions>>().Get(key)));
    }
}
