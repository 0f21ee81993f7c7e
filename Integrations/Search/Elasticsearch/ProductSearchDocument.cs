using System.Text.Json.Serialization;
using Shop.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// A product as indexed: the searchable fields (see <see cref="ProductIndexDefinition"/>) plus the product itself,
/// stored but not indexed, to answer searches with.
/// </summary>
internal sealed record ProductSearchDocument
{
    [JsonPropertyName("sku")]
    public required string Sku { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The category slug, lower-cased: the filter and facet value.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>The category as words ("home-office" is "home office"), for text search.</summary>
    [JsonPropertyName("category_text")]
    public required string CategoryText { get; init; }

    [JsonPropertyName("attributes")]
    public required string Attributes { get; init; }

    [JsonPropertyName("price")]
    public required long Price { get; init; }

    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("published")]
    public required bool Published { get; init; }

    [JsonPropertyName("product")]
    public required ProductDetails Product { get; init; }

    /// <summary>The document of <paramref name="product"/>.</summary>
    public static ProductSearchDocument From(ProductDetails product) => new()
    {
        Sku = product.Sku,
        Name = product.Name,
        Description = product.Description,
        Category = product.Category.ToLowerInvariant(),
        CategoryText = product.Category.Replace('-', ' '),
        Attributes = string.Join(" | ", product.Attributes.Values),
        Price = product.Price.AmountMinor,
        CreatedAt = product.CreatedAt.ToUniversalTime(),
        Published = product.Published,
        Product = product,
    };
}
