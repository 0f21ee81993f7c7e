using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>A search index loaded once with the generated catalog, shared by the read-only scenarios of a class.</summary>
public sealed class SearchCatalog(IProductSearchIndex index, IReadOnlyList<ProductDetails> products)
{
    /// <summary>The loaded index.</summary>
    public IProductSearchIndex Index { get; } = index;

    /// <summary>What was loaded.</summary>
    public IReadOnlyList<ProductDetails> Products { get; } = products;

    /// <summary>The products a shopper can see.</summary>
    public IEnumerable<ProductDetails> Published => Products.Where(p => p.Published);
}
