using Shop.Catalog;
using Shop.Common;

namespace Shop.Integrations.MongoDB.Tests;

/// <summary>Builds catalog test data.</summary>
internal static class Products
{
    /// <summary>A product with attributes, images and dates at a non-UTC offset.</summary>
    public static ProductDetails Lamp(string sku = "LAMP-1", long version = 3) => new()
    {
        Sku = sku,
        Name = "Desk lamp",
        Description = "Warm light.\nTwo lines.",
        Price = new Money(1999, "EUR"),
        Category = "lighting",
        Attributes = new Dictionary<string, string> { ["colour"] = "black", ["bulb.type"] = "E27", ["$tag"] = "new" },
        Images = ["https://img.example/1.jpg", "https://img.example/2.jpg"],
        Published = true,
        Version = version,
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)),
        UpdatedAt = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero).AddTicks(1234),
    };
}
