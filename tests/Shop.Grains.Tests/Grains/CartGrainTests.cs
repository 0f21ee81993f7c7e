using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Grains;

[Collection(StandardClusterDefinition.Name)]
public sealed class CartGrainTests(ShopClusterFixture fixture)
{
    private ICartGrain Cart(string id) => fixture.Grains.GetGrain<ICartGrain>(id);

    private static string NewCartId() => $"guest-{Guid.NewGuid():N}";

    [Fact]
    public async Task Adding_a_product_stores_its_name_and_the_price_seen()
    {
        var sku = await fixture.Shop.Product(stock: 5, priceMinor: 1250);

        var cart = await Cart(NewCartId()).AddLine(sku, 2);

        var line = Assert.Single(cart.Lines);
        Assert.Equal(("Test Lamp", 2, new Money(1250, "EUR")), (line.Name, line.Quantity, line.UnitPrice));
        Assert.Equal(new Money(2500, "EUR"), cart.Total);
    }

    [Fact]
    public async Task Adding_an_unknown_or_unpublished_product_is_not_found()
    {
        var hidden = ShopDriver.NewSku();
        await fixture.Grains.GetGrain<IProductGrain>(hidden).Create(ShopDriver.Draft(published: false));

        var unknown = await Assert.ThrowsAsync<ShopException>(() => Cart(NewCartId()).AddLine(ShopDriver.NewSku(), 1));
        var unpublished = await Assert.ThrowsAsync<ShopException>(() => Cart(NewCartId()).AddLine(hidden, 1));

        Assert.Equal((ErrorKind.NotFound, "product.not_found"), (unknown.Kind, unknown.Code));
        Assert.Equal(ErrorKind.NotFound, unpublished.Kind);
    }

    [Fact]
    public async Task Adding_beyond_the_line_maximum_is_a_validation_error_and_changes_nothing()
    {
        var sku = await fixture.Shop.Product(stock: 500);
        var cart = Cart(NewCartId());
        await cart.AddLine(sku, CartRules.MaxQuantityPerLine);

        var error = await Assert.ThrowsAsync<ShopException>(() => cart.AddLine(sku, 1));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(CartRules.MaxQuantityPerLine, (await cart.GetCart()).Lines[0].Quantity);
    }

    [Fact]
    public async Task Setting_quantity_zero_removes_the_line_and_removing_an_absent_line_is_not_found()
    {
        var sku = await fixture.Shop.Product(stock: 5);
        var cart = Cart(NewCartId());
        await cart.AddLine(sku, 2);

        var emptied = await cart.SetQuantity(sku, 0);

        Assert.Empty(emptied.Lines);
        Assert.Null(emptied.Total);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ShopException>(() => cart.RemoveLine(sku))).Kind);
    }

    [Fact]
    public async Task Setting_a_line_to_the_quantity_it_has_is_not_a_change_of_the_cart()
    {
        var sku = await fixture.Shop.Product(stock: 5);
        var cart = Cart(NewCartId());
        var added = await cart.AddLine(sku, 2);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var unchanged = await cart.SetQuantity(sku, 2);
        var changed = await cart.SetQuantity(sku, 3);

        Assert.Equal((2, added.UpdatedAt), (unchanged.Lines[0].Quantity, unchanged.UpdatedAt));
        Assert.Equal(3, changed.Lines[0].Quantity);
        Assert.True(changed.UpdatedAt > added.UpdatedAt);
    }

    [Fact]
    public async Task Merging_a_guest_cart_adds_its_lines_and_empties_it_and_a_second_merge_is_harmless()
    {
        var shared = await fixture.Shop.Product(stock: 50);
        var guestOnly = await fixture.Shop.Product(stock: 50);
        var (user, guest) = (Cart(Guid.NewGuid().ToString()), NewCartId());
        await user.AddLine(shared, 2);
        await Cart(guest).AddLine(shared, 3);
        await Cart(guest).AddLine(guestOnly, 1);

        var merged = await user.MergeFrom(guest);
        var again = await user.MergeFrom(guest);

        Assert.Equal([(shared, 5), (guestOnly, 1)], merged.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(merged.Lines, again.Lines);
        Assert.Empty((await Cart(guest).GetCart()).Lines);
    }

    [Fact]
    public async Task A_cart_idle_longer_than_the_expiry_reads_as_empty()
    {
        var sku = await fixture.Shop.Product(stock: 5);
        var cart = Cart(NewCartId());
        await cart.AddLine(sku, 1);

        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Empty((await cart.GetCart()).Lines);
        Assert.Single((await cart.AddLine(sku, 1)).Lines);
    }
}
