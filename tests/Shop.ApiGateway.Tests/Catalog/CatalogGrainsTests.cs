using Microsoft.Extensions.DependencyInjection;
using Shop.ApiGateway.Catalog;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.Catalog;
using Shop.Inventory;

namespace Shop.ApiGateway.Tests.Catalog;

/// <summary>The gateway's product and stock-item references are the ones Orleans' GetGrain makes, and reach the same grains.</summary>
[Collection(ShopTests.Name)]
public sealed class CatalogGrainsTests(ShopFixture shop)
{
    [Fact]
    public void References_target_the_grains_and_interfaces_that_GetGrain_targets()
    {
        var grains = shop.App.Services.GetRequiredService<IGrainFactory>();
        var catalog = shop.App.Services.GetRequiredService<CatalogGrains>();

        AssertSameTarget(grains.GetGrain<IProductGrain>("SKU-REF-1"), catalog.Product("SKU-REF-1"));
        AssertSameTarget(grains.GetGrain<IStockItemGrain>("SKU-REF-1"), catalog.StockItem("SKU-REF-1"));
    }

    [Fact]
    public async Task A_stock_item_reached_through_the_references_holds_what_the_admin_set()
    {
        var sku = await shop.ProductAsync(onHand: 37);
        var catalog = shop.App.Services.GetRequiredService<CatalogGrains>();

        var level = await catalog.StockItem(sku).GetLevel();
        var product = await catalog.Product(sku).GetDetails();

        Assert.Equal(37, level.OnHand);
        Assert.Equal(sku, product?.Sku);
    }

    private static void AssertSameTarget(IAddressable expected, IAddressable actual)
    {
        Assert.Equal(expected.GetGrainId(), actual.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)actual).InterfaceType);
    }
}
