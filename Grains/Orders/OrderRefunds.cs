using Shop.Common;
using Shop.Orders;

namespace Shop.Grains.Orders;

/// <summary>The rules of a staff refund (pure): which units may still be refunded, and what they cost.</summary>
public static class OrderRefunds
{
    /// <summary>
    /// The units to refund: everything not refunded yet when <paramref name="requested"/> is empty, else the requested
    /// units, each checked against what the order holds and what was refunded before (422 <c>refund.exceeds_paid</c>).
    /// </summary>
    public static IReadOnlyList<RefundLine> LinesToRefund(
        IReadOnlyList<OrderLine> ordered, IReadOnlyList<RefundLine> refunded, IReadOnlyList<RefundLine> requested)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(refunded);
        ArgumentNullException.ThrowIfNull(requested);
        var left = ordered.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity) - refunded.Where(r => r.Sku == g.Key).Sum(r => r.Quantity), StringComparer.Ordinal);
        if (requested.Count == 0)
        {
            var all = left.Where(l => l.Value > 0).Select(l => new RefundLine { Sku = l.Key, Quantity = l.Value }).ToList();
            return all.Count > 0 ? all : throw ShopException.BusinessRule("refund.exceeds_paid", "Everything of this order was refunded already.");
        }

        var lines = requested.GroupBy(r => r.Sku, StringComparer.Ordinal)
            .Select(g => new RefundLine { Sku = g.Key, Quantity = g.Sum(r => r.Quantity) }).ToList();
        foreach (var line in lines)
        {
            if (line.Quantity < 1)
            {
                throw ShopException.Validation("lines.quantity", "Each refunded line needs a quantity of 1 or more.");
            }

            if (!left.TryGetValue(line.Sku, out var units))
            {
                throw ShopException.BusinessRule("refund.unknown_line", $"The order has no line {line.Sku}.");
            }

            if (line.Quantity > units)
            {
                throw ShopException.BusinessRule(
                    "refund.exceeds_paid", $"Only {units} units of {line.Sku} are paid and not refunded yet; {line.Quantity} asked.");
            }
        }

        return lines;
    }

    /// <summary>What the units cost at the prices of the order.</summary>
    public static Money Amount(IReadOnlyList<OrderLine> ordered, IReadOnlyList<RefundLine> lines, string currency)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(lines);
        var price = ordered.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().UnitPrice, StringComparer.Ordinal);
        return lines.Aggregate(Money.Zero(currency), (sum, line) => sum.Add(price[line.Sku].Times(line.Quantity)));
    }

    /// <summary>The refunded units after one more refund, one entry per SKU.</summary>
    public static List<RefundLine> Merge(IReadOnlyList<RefundLine> refunded, IReadOnlyList<RefundLine> more) =>
        [.. refunded.Concat(more).GroupBy(l => l.Sku, StringComparer.Ordinal).Select(g => new RefundLine { Sku = g.Key, Quantity = g.Sum(l => l.Quantity) })];
}
