using Shop.Catalog;
using Shop.Common;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// Builds a deterministic catalog of generated products (same seed, same catalog) plus a few hand-written ones the
/// scenarios look for by name. Prices cover every price band; creation times increase with the index.
/// </summary>
public sealed class CatalogBuilder
{
    /// <summary>SKU of the accented product ("Café Crème").</summary>
    public const string CafeSku = "KIT-CAFE-1";

    /// <summary>SKU of the product named "Aurora" (the word is only in other products' descriptions).</summary>
    public const string AuroraNameSku = "LGT-AURORA-1";

    /// <summary>SKU of the product that mentions "aurora" only in its description.</summary>
    public const string AuroraDescriptionSku = "LGT-AURORA-2";

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Category, string[] Nouns)[] Kinds =
    [
        ("audio", ["Headphones", "Speaker", "Earbuds", "Soundbar"]),
        ("keyboards", ["Keyboard", "Keycaps", "Wrist Rest"]),
        ("monitors", ["Monitor", "Display", "Monitor Arm"]),
        ("cameras", ["Camera", "Lens", "Tripod"]),
        ("kitchen", ["Kettle", "Toaster", "Blender", "Grinder"]),
        ("garden", ["Hose", "Shovel", "Planter", "Sprinkler"]),
        ("books", ["Novel", "Cookbook", "Atlas"]),
        ("toys", ["Puzzle", "Robot", "Kite"]),
    ];

    private static readonly string[] Adjectives = ["Wireless", "Compact", "Classic", "Pro", "Silent", "Rugged", "Smart", "Vintage", "Ultra", "Eco"];

    private static readonly string[] Colours = ["black", "white", "red", "blue", "green", "silver"];

    private static readonly long[] PriceSteps = [999, 1_999, 2_499, 2_500, 3_999, 4_999, 5_000, 7_999, 9_999, 10_000, 14_999, 24_999, 25_000, 49_999, 129_900];

    private int count = 1_000;

    /// <summary>How many generated products (the hand-written ones come on top).</summary>
    public CatalogBuilder WithGenerated(int products)
    {
        count = products;
        return this;
    }

    /// <summary>The catalog.</summary>
    public IReadOnlyList<ProductDetails> Build()
    {
        var products = Enumerable.Range(0, count).Select(Generated).ToList();
        products.AddRange(HandWritten(count));
        return products;
    }

    private static ProductDetails Generated(int i)
    {
        var (category, nouns) = Kinds[i % Kinds.Length];
        var noun = nouns[i / Kinds.Length % nouns.Length];
        var adjective = Adjectives[i / 7 % Adjectives.Length];
        var colour = Colours[i % Colours.Length];
        return Product(
            sku: $"GEN-{i:D6}",
            name: $"{adjective} {noun} {i:D4}",
            category: category,
            priceMinor: PriceSteps[i % PriceSteps.Length] + (i % 3),
            index: i,
            description: $"A {colour} {noun.ToLowerInvariant()} for everyday use, model {i}.",
            published: i % 10 != 9,
            attributes: new Dictionary<string, string> { ["colour"] = colour });
    }

    private static IEnumerable<ProductDetails> HandWritten(int after) =>
    [
        Product(CafeSku, "Café Crème Espresso Machine", "kitchen", 18_900, after, "Barista espresso at home."),
        Product(AuroraNameSku, "Aurora Desk Lamp", "lighting", 4_500, after + 1, "A warm lamp."),
        Product(AuroraDescriptionSku, "Night Light", "lighting", 1_500, after + 2, "Glows like an aurora borealis."),
    ];

    /// <summary>One product with sensible defaults.</summary>
    public static ProductDetails Product(
        string sku,
        string name,
        string category = "misc",
        long priceMinor = 1_000,
        int index = 0,
        string description = "",
        bool published = true,
        IReadOnlyDictionary<string, string>? attributes = null,
        long version = 1) => new()
        {
            Sku = sku,
            Name = name,
            Description = description,
            Category = category,
            Price = new Money(priceMinor, "EUR"),
            Attributes = attributes ?? new Dictionary<string, string>(),
            Published = published,
            Version = version,
            CreatedAt = Epoch.AddMinutes(index),
            UpdatedAt = Epoch.AddMinutes(index),
        };
}
