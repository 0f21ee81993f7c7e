using Shop.Catalog;

namespace Shop.Benchmarks.Search;

/// <summary>The kinds of query the search benchmarks time, over the search tests' generated catalog.</summary>
public static class SearchQueries
{
    /// <summary>One word with a typo ("headphnoes").</summary>
    public static ProductQuery Typo { get; } = new() { Text = "headphnoes" };

    /// <summary>A prefix ("keyb").</summary>
    public static ProductQuery Prefix { get; } = new() { Text = "keyb" };

    /// <summary>Text, category, price range and a sort; facets are counted over all matches.</summary>
    public static ProductQuery FilteredFaceted { get; } = new()
    {
        Text = "wireless",
        Category = "audio",
        MinPriceMinor = 1_000,
        MaxPriceMinor = 50_000,
        Sort = ProductSort.PriceAscending,
    };

    /// <summary>Every kind by name.</summary>
    public static IReadOnlyDictionary<string, ProductQuery> All { get; } = new Dictionary<string, ProductQuery>
    {
        ["typo"] = Typo,
        ["prefix"] = Prefix,
        ["filtered+faceted"] = FilteredFaceted,
    };
}
