using Shop.Carts;
using Shop.Common;
using Shop.Grains.Carts;

namespace Shop.Grains.Tests.Unit;

public sealed class CartLinesTests
{
    private static readonly Money Price = new(1000, "EUR");

    private static List<CartLine> Cart(params (string Sku, int Quantity)[] lines) =>
        [.. lines.Select(l => new CartLine { Sku = l.Sku, Name = l.Sku, Quantity = l.Quantity, UnitPrice = Price })];

    [Fact]
    public void Adding_a_new_sku_appends_a_line()
    {
        var lines = Cart(("A", 1));

        CartLines.Add(lines, "B", "Bee", Price, 2);

        Assert.Equal(["A", "B"], lines.Select(l => l.Sku));
        Assert.Equal(2, lines[1].Quantity);
    }

    [Fact]
    public void Adding_an_existing_sku_adds_up_and_keeps_the_newest_price()
    {
        var lines = Cart(("A", 3));

        CartLines.Add(lines, "A", "A v2", new Money(1200, "EUR"), 4);

        var line = Assert.Single(lines);
        Assert.Equal((7, 1200L, "A v2"), (line.Quantity, line.UnitPrice.AmountMinor, line.Name));
    }

    [Fact]
    public void Adding_beyond_the_line_maximum_is_a_validation_error()
    {
        var lines = Cart(("A", CartRules.MaxQuantityPerLine - 1));

        var error = Assert.Throws<ShopException>(() => CartLines.Add(lines, "A", "A", Price, 2));

        Assert.Equal((ErrorKind.Validation, "quantity"), (error.Kind, error.Code));
        Assert.Equal(CartRules.MaxQuantityPerLine - 1, lines[0].Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CartRules.MaxQuantityPerLine + 1)]
    public void Quantities_out_of_range_are_validation_errors(int quantity)
    {
        var error = Assert.Throws<ShopException>(() => CartLines.Add(Cart(), "A", "A", Price, quantity));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void A_line_beyond_the_maximum_number_of_lines_is_refused_by_business_rule()
    {
        var lines = Cart([.. Enumerable.Range(0, CartRules.MaxLines).Select(i => ($"S{i}", 1))]);

        var error = Assert.Throws<ShopException>(() => CartLines.Add(lines, "ONE-MORE", "x", Price, 1));

        Assert.Equal((ErrorKind.BusinessRule, "cart.too_many_lines"), (error.Kind, error.Code));
    }

    [Fact]
    public void A_product_in_another_currency_is_refused()
    {
        var error = Assert.Throws<ShopException>(() => CartLines.Add(Cart(("A", 1)), "B", "B", new Money(100, "USD"), 1));

        Assert.Equal(ErrorKind.BusinessRule, error.Kind);
    }

    [Fact]
    public void Setting_quantity_zero_removes_the_line()
    {
        var lines = Cart(("A", 1), ("B", 2));

        CartLines.SetQuantity(lines, "A", 0);

        Assert.Equal("B", Assert.Single(lines).Sku);
    }

    [Fact]
    public void Setting_quantity_replaces_it()
    {
        var lines = Cart(("A", 1));

        CartLines.SetQuantity(lines, "A", 5);

        Assert.Equal(5, lines[0].Quantity);
    }

    [Fact]
    public void Setting_the_quantity_a_line_already_has_is_no_change()
    {
        var lines = Cart(("A", 3));
        var before = lines[0];

        var changed = CartLines.SetQuantity(lines, "A", 3);

        Assert.False(changed);
        Assert.Same(before, lines[0]);
        Assert.True(CartLines.SetQuantity(lines, "A", 4));
    }

    [Fact]
    public void Changing_a_sku_not_in_the_cart_is_not_found()
    {
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<ShopException>(() => CartLines.SetQuantity(Cart(), "X", 1)).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<ShopException>(() => CartLines.Remove(Cart(("A", 1)), "X")).Kind);
    }

    [Fact]
    public void Merging_adds_quantities_capped_at_the_line_maximum()
    {
        var lines = Cart(("A", 90), ("B", 1));

        CartLines.Merge(lines, Cart(("A", 20), ("C", 3)));

        Assert.Equal([("A", CartRules.MaxQuantityPerLine), ("B", 1), ("C", 3)], lines.Select(l => (l.Sku, l.Quantity)));
    }

    [Fact]
    public void Merging_drops_lines_beyond_the_maximum_number_of_lines()
    {
        var lines = Cart([.. Enumerable.Range(0, CartRules.MaxLines).Select(i => ($"S{i}", 1))]);

        CartLines.Merge(lines, Cart(("EXTRA", 1), ("S0", 1)));

        Assert.Equal(CartRules.MaxLines, lines.Count);
        Assert.Equal(2, lines[0].Quantity);
    }

    [Fact]
    public void The_total_sums_the_lines_and_is_null_when_empty()
    {
        Assert.Null(CartLines.Total(Cart()));
        Assert.Equal(new Money(5000, "EUR"), CartLines.Total(Cart(("A", 2), ("B", 3))));
    }

    [Fact]
    public void A_cart_idle_longer_than_the_expiry_is_expired()
    {
        var changed = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(CartLines.IsExpired(changed, changed.AddDays(7), TimeSpan.FromDays(7)));
        Assert.True(CartLines.IsExpired(changed, changed.AddDays(7).AddSeconds(1), TimeSpan.FromDays(7)));
        Assert.False(CartLines.IsExpired(null, changed, TimeSpan.FromDays(7)));
    }
}
