using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>Loads the generated catalog into an index.</summary>
public static class CatalogLoader
{
    /// <summary>How many products are generated (the hand-written ones come on top).</summary>
    public const int Generated = 1_200;

    /// <summary>Rebuilds <paramref name="index"/> with the generated catalog.</summary>
    public static async Task<SearchCatalog> Load(IProductSearchIndex index)
    {
        var products = new CatalogBuilder().WithGenerated(Generated).Build();
        await index.Rebuild([.. products]);
        return new SearchCatalog(index, products);
    }
}
