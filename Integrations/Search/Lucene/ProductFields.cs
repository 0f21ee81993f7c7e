namespace Shop.Integrations.Search.Lucene;

/// <summary>The field names of a product document.</summary>
internal static class ProductFields
{
    public const string Sku = "sku";
    public const string Name = "name";
    public const string NameSort = "name_sort";
    public const string Description = "description";
    public const string Category = "category";
    public const string CategoryText = "category_text";
    public const string CategoryFacet = "category_dv";
    public const string Attributes = "attributes";
    public const string Price = "price";
    public const string PriceValue = "price_dv";
    public const string Created = "created_dv";
    public const string Published = "published";
    public const string SkuValue = "sku_dv";
    public const string Version = "version_dv";
    public const string Source = "source";

    /// <summary>The searched text fields and their boosts: the name counts most, then category and attributes.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Searched =
    [
        (Name, 4f),
        (CategoryText, 2f),
        (Attributes, 2f),
        (Description, 1f),
    ];
}
