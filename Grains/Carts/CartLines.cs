using Shop.Carts;
using Shop.Common;

namespace Shop.Grains.Carts;

/// <summary>
/// The rules of a cart's lines (pure, unit-tested): quantities 1 to <see cref="CartRules.MaxQuantityPerLine"/> per
/// SKU, at most <see cref="CartRules.MaxLines"/> SKUs, one currency, and idle carts expire.
/// </summary>
public static class CartLines
{
    /// <summary>Throws a validation error when <paramref name="quantity"/> is not 1 to the per-line maximum.</summary>
    public static void ValidateQuantity(int quantity)
    {
        if (quantity is < 1 or > CartRules.MaxQuantityPerLine)
        {
            throw ShopException.Validation("quantity", $"Quantity must be between 1 and {CartRules.MaxQuantityPerLine}.");
        }
    }

    /// <summary>Adds units of a product; the line keeps the newest name and price. Exceeding the line maximum is refused.</summary>
    public static void Add(List<CartLine> lines, string sku, string name, Money unitPrice, int quantity)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ValidateQuantity(quantity);
        if (lines.Count > 0 && lines.Any(l => l.UnitPrice.Currency != unitPrice.Currency))
        {
            throw ShopException.BusinessRule("currency.mismatch", "A cart holds products of one currency only.");
        }

        var index = lines.FindIndex(l => l.Sku == sku);
        if (index < 0)
        {
            if (lines.Count >= CartRules.MaxLines)
            {
                throw ShopException.BusinessRule("cart.too_many_lines", $"A cart holds at most {CartRules.MaxLines} products.");
            }

            lines.Add(new CartLine { Sku = sku, Name = name, Quantity = quantity, UnitPrice = unitPrice });
            return;
        }

        var total = lines[index].Quantity + quantity;
        if (total > CartRules.MaxQuantityPerLine)
        {
            throw ShopException.Validation("quantity", $"A cart holds at most {CartRules.MaxQuantityPerLine} units of one product.");
        }

        lines[index] = lines[index] with { Name = name, UnitPrice = unitPrice, Quantity = total };
    }

    /// <summary>
    /// Sets a line's quantity; 0 removes it; a SKU not in the cart is not found. Returns false when the line already had
    /// that quantity (nothing changed, so there is nothing to store).
    /// </summary>
    public static bool SetQuantity(List<CartLine> lines, string sku, int quantity)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var index = IndexOf(lines, sku);
        if (quantity == 0)
        {
            lines.RemoveAt(index);
            return true;
        }

        ValidateQuantity(quantity);
        if (lines[index].Quantity == quantity)
        {
            return false;
        }

        lines[index] = lines[index] with { Quantity = quantity };
        return true;
    }

    /// <summary>Removes a line; a SKU not in the cart is not found.</summary>
    public static void Remove(List<CartLine> lines, string sku)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lines.RemoveAt(IndexOf(lines, sku));
    }

    /// <summary>
    /// Merges other lines in: quantities add up, capped at the line maximum; SKUs beyond the line limit or of another
    /// currency are dropped (a merge never fails a login).
    /// </summary>
    public static void Merge(List<CartLine> lines, IEnumerable<CartLine> incoming)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(incoming);
        foreach (var line in incoming)
        {
            var index = lines.FindIndex(l => l.Sku == line.Sku);
            if (index >= 0)
            {
                lines[index] = lines[index] with { Quantity = Math.Min(CartRules.MaxQuantityPerLine, lines[index].Quantity + line.Quantity) };
            }
            else if (lines.Count < CartRules.MaxLines && (lines.Count == 0 || lines[0].UnitPrice.Currency == line.UnitPrice.Currency))
            {
                lines.Add(line with { Quantity = Math.Clamp(line.Quantity, 1, CartRules.MaxQuantityPerLine) });
            }
        }
    }

    /// <summary>The sum of the line totals; null for an empty cart.</summary>
    public static Money? Total(IReadOnlyList<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Count == 0 ? null : lines.Skip(1).Aggregate(lines[0].LineTotal, (sum, l) => sum.Add(l.LineTotal));
    }

    /// <summary>Whether a cart last changed at <paramref name="updatedAt"/> has been idle longer than <paramref name="idleExpiry"/>.</summary>
    public static bool IsExpired(DateTimeOffset? updatedAt, DateTimeOffset now, TimeSpan idleExpiry) =>
        updatedAt is { } changed && now - changed > idleExpiry;

    private static int IndexOf(List<CartLine> lines, string sku)
    {
        var index = lines.FindIndex(l => l.Sku == sku);
        return index >= 0 ? index : throw ShopException.NotFound("cart.line_not_found", $"The cart holds no line for SKU {sku}.");
    }
}
