using Shop.Catalog;
using Shop.Common;

namespace Shop.ApiGateway.Catalog;

/// <summary>The API names of the listing orders: relevance, price_asc, price_desc, newest, name.</summary>
public static class SortNames
{
    private static readonly Dictionary<string, ProductSort> ByName = new(StringComparer.Ordinal)
    {
        ["relevance"] = ProductSort.Relevance,
        ["price_asc"] = ProductSort.PriceAscending,
        ["price_desc"] = ProductSort.PriceDescending,
        ["newest"] = ProductSort.Newest,
        ["name"] = ProductSort.Name,
    };

    /// <summary>The sort named <paramref name="name"/>; empty means relevance; anything else is a 400.</summary>
    public static ProductSort Parse(string? name) =>
        string.IsNullOrEmpty(name) ? ProductSort.Relevance
        : ByName.TryGetValue(name, out var sort) ? sort
        : throw ShopException.Validation("sort", $"sort must be one of {string.Join(", ", ByName.Keys)}.");

    /// <summary>The API name of a sort.</summary>
    public static string Name(ProductSort sort) => ByName.First(pair => pair.Value == sort).Key;
}
