namespace Shop.Silo.Seeding;

/// <summary>One product of the embedded demo catalog (<c>Seeding/demo-catalog.json</c>).</summary>
public sealed record DemoProduct
{
    /// <summary>SKU.</summary>
    public required string Sku { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Category slug.</summary>
    public required string Category { get; init; }

    /// <summary>Price in minor units.</summary>
    public long PriceMinor { get; init; }

    /// <summary>ISO currency.</summary>
    public string Currency { get; init; } = "EUR";

    /// <summary>Units on hand to start with.</summary>
    public long Stock { get; init; }

    /// <summary>Attributes.</summary>
    public Dictionary<string, string> Attributes { get; init; } = [];

    /// <summary>Image URLs (the storefront's drawings under <c>/images/products/</c>).</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}
