using Shop.Common;

namespace Shop.Carts;

/// <summary>A cart as the shopper sees it.</summary>
[GenerateSerializer, Immutable, Alias("shop.carts.CartView")]
public sealed record CartView
{
    /// <summary>The cart id (user id or guest cart id).</summary>
    [Id(0)] public required string CartId { get; init; }

    /// <summary>The lines, in the order they were added.</summary>
    [Id(1)] public required IReadOnlyList<CartLine> Lines { get; init; }

    /// <summary>Sum of the line totals; null when the cart is empty.</summary>
    [Id(2)] public Money? Total { get; init; }

    /// <summary>When the cart last changed.</summary>
    [Id(3)] public DateTimeOffset? UpdatedAt { get; init; }
}
