using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Orders;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Cluster;

/// <summary>A cluster whose publisher delivers every saga, user and catalog event twice.</summary>
public sealed class DuplicatingClusterFixture : ShopClusterFixture
{
    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISagaEventPublisher>(sp => new DuplicatingSagaEventPublisher(sp.GetRequiredService<StreamSagaEventPublisher>()));
}
