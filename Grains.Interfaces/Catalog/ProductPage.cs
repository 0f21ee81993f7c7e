namespace Shop.Catalog;

/// <summary>One page of a catalog search with the total and the facets of all matches.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductPage")]
public sealed record ProductPage
{
    /// <summary>The products on this page.</summary>
    [Id(0)] public required IReadOnlyList<ProductDetails> Items { get; init; }

    /// <summary>How many products match in all.</summary>
    [Id(1)] public long Total { get; init; }

    /// <summary>Matches per category.</summary>
    [Id(2)] public IReadOnlyList<FacetCount> Categories { get; init; } = [];

    /// <summary>Matches per price band, e.g. <c>0-2500</c> (minor units).</summary>
    [Id(3)] public IReadOnlyList<FacetCount> PriceBands { get; init; } = [];
}
