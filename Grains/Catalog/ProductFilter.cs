using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The in-memory catalog search (pure, unit-tested): every word of the text must occur (case-insensitive) in the
/// name, description, category or an attribute value; name matches rank first. Facets count all matches.
/// </summary>
public static class ProductFilter
{
    /// <summary>Throws a validation <see cref="ShopException"/> when the paging or price range is out of range.</summary>
    public static void Validate(ProductQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1)
        {
            throw ShopException.Validation("page", "Page must be 1 or more.");
        }

        if (query.PageSize is < 1 or > ProductQuery.MaxPageSize)
        {
            throw ShopException.Validation("pageSize", $"Page size must be between 1 and {ProductQuery.MaxPageSize}.");
        }

        if (query.MinPriceMinor < 0 || query.MaxPriceMinor < 0 || query.MinPriceMinor > query.MaxPriceMinor)
        {
            throw ShopException.Validation("price", "Price bounds must be 0 or more and min must not exceed max.");
        }

        if (query.Text?.Length > 200)
        {
            throw ShopException.Validation("q", "Search text must be at most 200 characters.");
        }
    }

    /// <summary>Runs <paramref name="query"/> over <paramref name="products"/>.</summary>
    public static ProductPage Search(IEnumerable<ProductDetails> products, ProductQuery query)
    {
        ArgumentNullException.ThrowIfNull(products);
        Validate(query);
        var words = (query.Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var matches = products
            .Where(p => query.IncludeUnpublished || p.Published)
            .Where(p => query.Category is null || string.Equals(p.Category, query.Category, StringComparison.OrdinalIgnoreCase))
            .Where(p => query.MinPriceMinor is null || p.Price.AmountMinor >= query.MinPriceMinor)
            .Where(p => query.MaxPriceMinor is null || p.Price.AmountMinor <= query.MaxPriceMinor)
            .Select(p => (Product: p, Score: Score(p, words)))
            .Where(m => m.Score >= 0)
            .ToList();

        var ordered = Order(matches, query.Sort);
        var page = ordered.Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize)).Take(query.PageSize);
        return new ProductPage
        {
            Items = [.. page],
            Total = matches.Count,
            Categories = [.. matches.GroupBy(m => m.Product.Category, StringComparer.Ordinal)
                .Select(g => new FacetCount(g.Key, g.Count()))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)],
            PriceBands = [.. PriceBands.Labels
                .Select(label => new FacetCount(label, matches.Count(m => PriceBands.For(m.Product.Price.AmountMinor) == label)))
                .Where(f => f.Count > 0)],
        };
    }

    /// <summary>-1 when a word is missing; otherwise the number of words found in the name (higher ranks first).</summary>
    private static int Score(ProductDetails product, string[] words)
    {
        var score = 0;
        foreach (var word in words)
        {
            if (product.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                score++;
            }
            else if (!product.Description.Contains(word, StringComparison.OrdinalIgnoreCase)
                && !product.Category.Contains(word, StringComparison.OrdinalIgnoreCase)
                && !product.Attributes.Values.Any(v => v.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                return -1;
            }
        }

        return score;
    }

    private static IEnumerable<ProductDetails> Order(List<(ProductDetails Product, int Score)> matches, ProductSort sort)
    {
        var byName = StringComparer.OrdinalIgnoreCase;
        return sort switch
        {
            ProductSort.PriceAscending => matches.OrderBy(m => m.Product.Price.AmountMinor).ThenBy(m => m.Product.Name, byName).Select(m => m.Product),
            ProductSort.PriceDescending => matches.OrderByDescending(m => m.Product.Price.AmountMinor).ThenBy(m => m.Product.Name, byName).Select(m => m.Product),
            ProductSort.Newest => matches.OrderByDescending(m => m.Product.CreatedAt).ThenBy(m => m.Product.Sku, StringComparer.Ordinal).Select(m => m.Product),
            ProductSort.Name => matches.OrderBy(m => m.Product.Name, byName).ThenBy(m => m.Product.Sku, StringComparer.Ordinal).Select(m => m.Product),
            _ => matches.OrderByDescending(m => m.Score).ThenBy(m => m.Product.Name, byName).ThenBy(m => m.Product.Sku, StringComparer.Ordinal).Select(m => m.Product),
        };
    }
}
