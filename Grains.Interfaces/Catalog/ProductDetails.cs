using Shop.Common;

namespace Shop.Catalog;

/// <summary>A product as the catalog holds it.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductDetails")]
public sealed record ProductDetails
{
    /// <summary>Stock keeping unit, the product's key.</summary>
    [Id(0)] public required string Sku { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Long description.</summary>
    [Id(2)] public string Description { get; init; } = "";

    /// <summary>Unit price.</summary>
    [Id(3)] public required Money Price { get; init; }

    /// <summary>Category slug.</summary>
    [Id(4)] public required string Category { get; init; }

    /// <summary>Free-form attributes.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Image URLs.</summary>
    [Id(6)] public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Whether shoppers can see and buy it.</summary>
    [Id(7)] public bool Published { get; init; }

    /// <summary>Increases with every change; the search index keeps the highest version it has seen.</summary>
    [Id(8)] public long Version { get; init; }

    /// <summary>When the product was created.</summary>
    [Id(9)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the product last changed.</summary>
    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }
}
