namespace Shop.Bench.Kestrel;

/// <summary>A product in the shape of the shop's GET /v1/products/{sku} answer.</summary>
public sealed record ProductJson(
    string Sku,
    string Name,
    string Description,
    string Category,
    PriceJson Price,
    long Stock,
    Dictionary<string, string> Attributes,
    List<string> Images,
    bool Published,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
