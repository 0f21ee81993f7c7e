using Shop.Catalog;
using Shop.Inventory;

namespace Shop.ApiGateway.Catalog;

/// <summary>
/// References to product and stock-item grains, made from grain and interface types resolved once. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> resolves the interface type by reading custom attributes on every call; a result page
/// makes 21 such calls and a product view 2, and that reflection was about a third of a product view's own CPU
/// (bench/results/2026-11-26-search-after.md). The references made here are the same as <c>GetGrain</c>'s.
/// </summary>
public sealed class CatalogGrains
{
    private readonly IGrainFactory grains;
    private readonly GrainTypes product;
    private readonly GrainTypes stockItem;

    /// <summary>Resolves the grain and interface types of products and stock items.</summary>
    public CatalogGrains(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        this.grains = grains;
        product = GrainTypes.Of(grains.GetGrain<IProductGrain>(ResolvingKey));
        stockItem = GrainTypes.Of(grains.GetGrain<IStockItemGrain>(ResolvingKey));
    }

    // Any key: only the reference's types are read, the grain is never called.
    private const string ResolvingKey = "type-resolution";

    /// <summary>The product grain of <paramref name="sku"/>.</summary>
    public IProductGrain Product(string sku) => (IProductGrain)product.Reference(grains, sku);

    /// <summary>The stock-item grain of <paramref name="sku"/>.</summary>
    public IStockItemGrain StockItem(string sku) => (IStockItemGrain)stockItem.Reference(grains, sku);

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface)
    {
        public static GrainTypes Of(IAddressable reference)
        {
            var resolved = (GrainReference)reference;
            return new GrainTypes(resolved.GrainId.Type, resolved.InterfaceType);
        }

        public IAddressable Reference(IGrainFactory grains, string key) => grains.GetGrain(GrainId.Create(Grain, key), Interface);
    }
}
