namespace Shop.Carts;

/// <summary>
/// A shopping cart keyed by the user id (as a string) or by a guest cart id. A cart idle longer than the configured
/// period reads as empty.
/// </summary>
[Alias("shop.carts.ICartGrain")]
public interface ICartGrain : IGrainWithStringKey
{
    /// <summary>The cart (empty when it never existed or expired).</summary>
    [Alias("GetCart")]
    Task<CartView> GetCart();

    /// <summary>Adds units of a published product (adding to an existing line); unknown SKU is 404, bad quantity 400.</summary>
    [Alias("AddLine")]
    Task<CartView> AddLine(string sku, int quantity);

    /// <summary>Sets a line's quantity; 0 removes the line; a SKU not in the cart is 404.</summary>
    [Alias("SetQuantity")]
    Task<CartView> SetQuantity(string sku, int quantity);

    /// <summary>Removes a line; a SKU not in the cart is 404.</summary>
    [Alias("RemoveLine")]
    Task<CartView> RemoveLine(string sku);

    /// <summary>Empties the cart.</summary>
    [Alias("Clear")]
    Task Clear();

    /// <summary>
    /// Moves the lines of the guest cart <paramref name="guestCartId"/> into this cart (quantities add up, capped) and
    /// empties the guest cart. Merging the same guest cart twice is a no-op.
    /// </summary>
    [Alias("MergeFrom")]
    Task<CartView> MergeFrom(string guestCartId);

    /// <summary>Hands the lines to another cart and empties this one (used by <see cref="MergeFrom"/>).</summary>
    [Alias("TakeLines")]
    Task<IReadOnlyList<CartLine>> TakeLines();
}
