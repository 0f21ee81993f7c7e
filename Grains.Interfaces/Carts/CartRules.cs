namespace Shop.Carts;

/// <summary>Limits that keep a cart sane.</summary>
public static class CartRules
{
    /// <summary>Most units of one SKU in a cart.</summary>
    public const int MaxQuantityPerLine = 99;

    /// <summary>Most distinct SKUs in a cart.</summary>
    public const int MaxLines = 50;
}
