namespace Shop.LoadTests.Scenarios;

/// <summary>A product as the suite needs it: its SKU, name words, category and price.</summary>
public sealed record CatalogProduct(string Sku, string Name, string Category, long PriceMinor);
