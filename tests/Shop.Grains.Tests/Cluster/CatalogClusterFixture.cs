using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Cluster;

/// <summary>
/// The standard two-silo cluster with the catalog storage measured by a <see cref="CountingGrainStorage"/>; it starts
/// with the catalog projection active and its first rebuild done, so the tests measure only their own writes.
/// </summary>
public sealed class CatalogClusterFixture : ShopClusterFixture
{
    /// <summary>The catalog storage writes of both silos.</summary>
    public StorageMeter CatalogWrites { get; } = new();

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var projection = Grains.GetGrain<ICatalogProjectionGrain>(ICatalogIndexGrain.Key).GetGrainId();
        await Grains.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key).Search(new ProductQuery());
        await Eventually.Until(
            () => Task.FromResult(CatalogWrites.Writes.Any(write => write.Grain == projection)),
            because: "the catalog projection never finished its first rebuild");
    }

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        var memory = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Catalog));
        var create = memory.KeyedImplementationFactory ?? throw new InvalidOperationException("The catalog storage is not built by a factory.");
        services.Remove(memory);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Catalog, (sp, key) =>
            new CountingGrainStorage((IGrainStorage)create(sp, key), sp.GetRequiredService<Serializer>(), CatalogWrites));
    }
}
