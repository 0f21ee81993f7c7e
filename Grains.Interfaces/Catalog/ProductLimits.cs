namespace Shop.Catalog;

/// <summary>Size limits of a product, shared by the gateway's input checks and the product grain's rules.</summary>
public static class ProductLimits
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 5_000;

    /// <summary>Longest category slug.</summary>
    public const int MaxCategoryLength = 64;

    /// <summary>Most attributes.</summary>
    public const int MaxAttributes = 50;

    /// <summary>Most images.</summary>
    public const int MaxImages = 20;
}
