using Shop.Common;

namespace Shop.Orders;

/// <summary>One line of an order, frozen from the cart at placement.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.OrderLine")]
public sealed record OrderLine
{
    /// <summary>The SKU.</summary>
    [Id(0)] public required string Sku { get; init; }

    /// <summary>Product name at placement.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Units ordered.</summary>
    [Id(2)] public required int Quantity { get; init; }

    /// <summary>Unit price at placement.</summary>
    [Id(3)] public required Money UnitPrice { get; init; }

    /// <summary>Quantity times unit price.</summary>
    public Money LineTotal => UnitPrice.Times(Quantity);
}
