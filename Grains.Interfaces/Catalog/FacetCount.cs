namespace Shop.Catalog;

/// <summary>How many matching products fall into one facet value (a category or a price band).</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.FacetCount")]
public sealed record FacetCount([property: Id(0)] string Value, [property: Id(1)] long Count);
