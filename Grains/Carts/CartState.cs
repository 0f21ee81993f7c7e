using Shop.Carts;

namespace Shop.Grains.Carts;

/// <summary>The persisted state of a cart.</summary>
[GenerateSerializer, Alias("shop.grains.carts.CartState")]
public sealed class CartState
{
    /// <summary>The lines, in the order they were added.</summary>
    [Id(0)] public List<CartLine> Lines { get; set; } = [];

    /// <summary>When the cart last changed; null when it never held anything.</summary>
    [Id(1)] public DateTimeOffset? UpdatedAt { get; set; }
}
