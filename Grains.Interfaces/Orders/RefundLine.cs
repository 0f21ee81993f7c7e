namespace Shop.Orders;

/// <summary>Units of one line of an order that are (to be) refunded.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.RefundLine")]
public sealed record RefundLine
{
    /// <summary>The SKU of the order line.</summary>
    [Id(0)] public required string Sku { get; init; }

    /// <summary>Units refunded.</summary>
    [Id(1)] public required int Quantity { get; init; }
}
