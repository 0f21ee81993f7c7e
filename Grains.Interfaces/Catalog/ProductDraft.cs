using Shop.Common;

namespace Shop.Catalog;

/// <summary>What an admin sends to create or replace a product.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductDraft")]
public sealed record ProductDraft
{
    /// <summary>Display name (1 to 200 characters).</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Long description (up to 5,000 characters).</summary>
    [Id(1)] public string Description { get; init; } = "";

    /// <summary>Unit price.</summary>
    [Id(2)] public required Money Price { get; init; }

    /// <summary>Category slug, e.g. <c>audio</c> (1 to 64 characters).</summary>
    [Id(3)] public required string Category { get; init; }

    /// <summary>Free-form attributes shown and searched, e.g. colour = black.</summary>
    [Id(4)] public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Image URLs.</summary>
    [Id(5)] public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Whether shoppers can see and buy it.</summary>
    [Id(6)] public bool Published { get; init; } = true;
}
