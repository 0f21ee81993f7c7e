using Shop.Common;

namespace Shop.Carts;

/// <summary>One line of a cart: a SKU, how many, and the unit price seen when it was added.</summary>
[GenerateSerializer, Immutable, Alias("shop.carts.CartLine")]
public sealed record CartLine
{
    /// <summary>The SKU.</summary>
    [Id(0)] public required string Sku { get; init; }

    /// <summary>Product name when added.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Units (1 to <see cref="CartRules.MaxQuantityPerLine"/>).</summary>
    [Id(2)] public required int Quantity { get; init; }

    /// <summary>Unit price when added.</summary>
    [Id(3)] public required Money UnitPrice { get; init; }

    /// <summary>Quantity times unit price.</summary>
    public Money LineTotal => UnitPrice.Times(Quantity);
}
