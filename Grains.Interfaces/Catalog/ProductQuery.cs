namespace Shop.Catalog;

/// <summary>A catalog search: text, filters, order and page. Only published products are found unless asked otherwise.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductQuery")]
public sealed record ProductQuery
{
    /// <summary>Largest page size a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Free text matched against name, description, category and attributes; null or empty matches all.</summary>
    [Id(0)] public string? Text { get; init; }

    /// <summary>Only this category.</summary>
    [Id(1)] public string? Category { get; init; }

    /// <summary>Lowest unit price in minor units, inclusive.</summary>
    [Id(2)] public long? MinPriceMinor { get; init; }

    /// <summary>Highest unit price in minor units, inclusive.</summary>
    [Id(3)] public long? MaxPriceMinor { get; init; }

    /// <summary>Order of the results.</summary>
    [Id(4)] public ProductSort Sort { get; init; } = ProductSort.Relevance;

    /// <summary>1-based page number.</summary>
    [Id(5)] public int Page { get; init; } = 1;

    /// <summary>Results per page (1 to <see cref="MaxPageSize"/>).</summary>
    [Id(6)] public int PageSize { get; init; } = 20;

    /// <summary>Whether unpublished products are included (admin listings).</summary>
    [Id(7)] public bool IncludeUnpublished { get; init; }
}
