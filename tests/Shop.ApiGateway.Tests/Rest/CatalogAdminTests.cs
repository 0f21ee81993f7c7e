using System.Net;
using System.Text.Json.Nodes;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.Inventory;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>The admin side of the catalog: listing unpublished products, publishing, deleting, stock adjustments.</summary>
[Collection(ShopTests.Name)]
public sealed class CatalogAdminTests(ShopFixture shop)
{
    /// <summary>Every admin endpoint of the catalog, as method, path and body.</summary>
    public static TheoryData<string, string, string?> AdminEndpoints() => new()
    {
        { "GET", "/v1/admin/products?q=lamp", null },
        { "DELETE", "/v1/products/ANY-SKU", null },
        { "POST", "/v1/products/ANY-SKU/stock/adjust", """{"delta":5,"reason":"delivery"}""" },
        { "PUT", "/v1/products/ANY-SKU", """{"published":false}""" },
        { "POST", "/v1/products", """{"sku":"ANY-SKU","name":"Lamp","category":"lighting","price":{"amountMinor":100,"currency":"EUR"}}""" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task An_admin_endpoint_is_401_without_a_token(string method, string path, string? body)
    {
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task An_admin_endpoint_is_403_for_a_shopper(string method, string path, string? body)
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, shopper.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("DELETE", null)]
    [InlineData("POST", """{"delta":5,"reason":"delivery"}""")]
    [InlineData("PUT", """{"published":true}""")]
    public async Task An_admin_endpoint_on_an_unknown_sku_is_404(string method, string? body)
    {
        var admin = await shop.SharedAdminAsync();
        var sku = "NONE-" + shop.Unique();
        var path = method == "POST" ? $"/v1/products/{sku}/stock/adjust" : $"/v1/products/{sku}";
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unpublishing_hides_a_product_from_shoppers_but_the_admin_list_still_finds_it()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Unpublished walnut desk");
        using var client = shop.Client();

        var unpublished = await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}", new { published = false }, admin.AccessToken);

        Assert.False(unpublished["published"]!.GetValue<bool>());
        Assert.Equal($"Unpublished walnut desk {Tag(sku)}", unpublished["name"]!.GetValue<string>());
        Assert.Equal(4200, unpublished["price"]!["amountMinor"]!.GetValue<long>());
        using var asShopper = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}");
        await ShopClient.ProblemAsync(asShopper, HttpStatusCode.NotFound);
        var listed = await AdminListingAsync(admin, sku, present: true, published: false);
        Assert.Equal(4200, Item(listed, sku)!["price"]!["amountMinor"]!.GetValue<long>());
        await ShopperSearchAsync(sku, present: false);
    }

    [Fact]
    public async Task Publishing_again_makes_the_product_visible_to_shoppers()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Republished oak shelf", published: false);
        using var client = shop.Client();
        using var hidden = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}");
        await ShopClient.ProblemAsync(hidden, HttpStatusCode.NotFound);

        var published = await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}", new { published = true }, admin.AccessToken);

        Assert.True(published["published"]!.GetValue<bool>());
        var read = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal($"Republished oak shelf {Tag(sku)}", read["name"]!.GetValue<string>());
        await ShopperSearchAsync(sku, present: true);
    }

    [Fact]
    public async Task The_admin_list_pages_like_the_storefront_listing()
    {
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        var page = await client.JsonAsync(HttpMethod.Get, "/v1/admin/products?page=1&pageSize=2", token: admin.AccessToken);
        using var tooBig = await client.SendAsync(HttpMethod.Get, "/v1/admin/products?pageSize=101", token: admin.AccessToken);

        Assert.True(page["items"]!.AsArray().Count <= 2);
        Assert.True(page["total"]!.GetValue<long>() >= page["items"]!.AsArray().Count);
        Assert.NotNull(page["facets"]);
        await ShopClient.ProblemAsync(tooBig, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_deleted_product_is_gone_from_reads_search_and_the_admin_list()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Deleted brass lantern");
        using var client = shop.Client();
        await AdminListingAsync(admin, sku, present: true);

        var deleted = await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);

        Assert.Equal(sku, deleted["sku"]!.GetValue<string>());
        using var asShopper = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}");
        using var asAdmin = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}", token: admin.AccessToken);
        await ShopClient.ProblemAsync(asShopper, HttpStatusCode.NotFound);
        await ShopClient.ProblemAsync(asAdmin, HttpStatusCode.NotFound);
        await AdminListingAsync(admin, sku, present: false);
        await ShopperSearchAsync(sku, present: false);
    }

    [Fact]
    public async Task Deleting_twice_succeeds_both_times()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Twice deleted stool");
        using var client = shop.Client();

        var first = await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);
        var second = await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);

        Assert.Equal(sku, first["sku"]!.GetValue<string>());
        Assert.Equal(sku, second["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_product_cannot_be_put_in_a_cart_and_its_stock_takes_no_reservation()
    {
        var admin = await shop.SharedAdminAsync();
        var shopper = await shop.SharedShopperAsync();
        var sku = await CreateAsync(admin, "Deleted copper kettle");
        using var client = shop.Client();
        await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);

        using var added = await client.SendAsync(HttpMethod.Post, "/v1/cart/items", Requests.Item(sku), shopper.AccessToken);
        var reserved = await shop.App.Grains.GetGrain<IStockItemGrain>(sku).Reserve(Guid.NewGuid(), 1);
        using var adjusted = await client.SendAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = 1 }, admin.AccessToken);

        await ShopClient.ProblemAsync(added, HttpStatusCode.NotFound);
        Assert.False(reserved);
        await ShopClient.ProblemAsync(adjusted, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checking_out_a_cart_that_holds_a_deleted_product_is_422()
    {
        var admin = await shop.SharedAdminAsync();
        var shopper = await shop.ShopperAsync();
        var kept = await shop.ProductAsync();
        var sku = await CreateAsync(admin, "Soon deleted teapot");
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, kept);
        await client.AddToCartAsync(shopper, sku);
        await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/orders", Requests.CashOnDelivery(), shopper.AccessToken);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("cart.product_unavailable", problem["code"]!.GetValue<string>());
        Assert.Contains(sku, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var cart = await client.JsonAsync(HttpMethod.Get, "/v1/cart", token: shopper.AccessToken);
        Assert.Equal(2, cart["lines"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_deleted_sku_can_be_created_again_and_is_sold_again()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Reborn rattan chair");
        using var client = shop.Client();
        await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);

        var created = await client.JsonAsync(HttpMethod.Post, "/v1/products", Product(sku, $"Reborn rattan chair II {Tag(sku)}"), admin.AccessToken);

        Assert.StartsWith("Reborn rattan chair II", created["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, created["stock"]!.GetValue<long>());
        Assert.True(await shop.App.Grains.GetGrain<IStockItemGrain>(sku).Reserve(Guid.NewGuid(), 1));
        await ShopperSearchAsync(sku, present: true);
    }

    [Fact]
    public async Task Adjusting_stock_adds_and_takes_off_units()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Adjusted linen throw", stock: 10);
        using var client = shop.Client();

        var delivered = await client.JsonAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = 5, reason = "delivery" }, admin.AccessToken);
        var broken = await client.JsonAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = -3, reason = "breakage" }, admin.AccessToken);

        Assert.Equal(15, delivered["onHand"]!.GetValue<long>());
        Assert.Equal(12, broken["onHand"]!.GetValue<long>());
        Assert.Equal(12, broken["available"]!.GetValue<long>());
        var product = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal(12, product["stock"]!.GetValue<long>());
    }

    [Fact]
    public async Task Taking_off_more_than_on_hand_is_422_and_changes_nothing()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Scarce glass vase", stock: 2);
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = -3 }, admin.AccessToken);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("stock.below_reserved", problem["code"]!.GetValue<string>());
        var level = await shop.App.Grains.GetGrain<IStockItemGrain>(sku).GetLevel();
        Assert.Equal(2, level.OnHand);
    }

    [Fact]
    public async Task Taking_off_units_held_by_an_order_in_progress_is_422()
    {
        var admin = await shop.SharedAdminAsync();
        var shopper = await shop.ShopperAsync();
        var sku = await CreateAsync(admin, "Held ceramic bowl", stock: 3);
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku, quantity: 2);
        await client.PlaceOrderAsync(shopper, Requests.Card("tok_threeDSecure2Required"));
        var stock = shop.App.Grains.GetGrain<IStockItemGrain>(sku);
        await Eventually.Value(stock.GetLevel, level => level.Reserved == 2, because: "the order's reservation");

        using var response = await client.SendAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = -2 }, admin.AccessToken);
        var allowed = await client.JsonAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", new { delta = -1 }, admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, allowed["onHand"]!.GetValue<long>());
        Assert.Equal(0, allowed["available"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"delta":0}""")]
    [InlineData("""{"delta":1000000001}""")]
    [InlineData("""{"delta":"many"}""")]
    public async Task A_bad_stock_adjustment_is_400(string body)
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Badly adjusted mirror");
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, $"/v1/products/{sku}/stock/adjust", body, admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(-1, "EUR")]
    [InlineData(100, "EURO")]
    [InlineData(100, "")]
    public async Task Creating_a_product_with_a_bad_price_is_400(long amountMinor, string currency)
    {
        var admin = await shop.SharedAdminAsync();
        var sku = "BADPRICE-" + shop.Unique();
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/products",
            new { sku, name = "Mispriced rug", category = "home", price = new { amountMinor, currency } }, admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        using var read = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}", token: admin.AccessToken);
        await ShopClient.ProblemAsync(read, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_product_whose_sku_exists_is_409()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await CreateAsync(admin, "Original cushion");
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/products", Product(sku, "Copied cushion"), admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Conflict);
        var read = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal($"Original cushion {Tag(sku)}", read["name"]!.GetValue<string>());
    }

    private static object Product(string sku, string name, bool published = true, long stock = 5) => new
    {
        sku,
        name,
        description = "Made by the admin tests.",
        category = "home",
        price = new { amountMinor = 4200, currency = "EUR" },
        published,
        stock,
    };

    private async Task<string> CreateAsync(Account admin, string name, bool published = true, long stock = 5)
    {
        var sku = "ADM-" + shop.Unique();
        using var client = shop.Client();
        await client.JsonAsync(HttpMethod.Post, "/v1/products", Product(sku, $"{name} {Tag(sku)}", published, stock), admin.AccessToken);
        return sku;
    }

    /// <summary>A word only this product's name holds, to find it by text (SKUs are not searched).</summary>
    private static string Tag(string sku) => sku.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    private static JsonNode? Item(JsonNode page, string sku) =>
        page["items"]!.AsArray().FirstOrDefault(item => item!["sku"]!.GetValue<string>() == sku);

    /// <summary>Polls the admin listing until the product is (with that published flag), or is no longer, listed.</summary>
    private async Task<JsonNode> AdminListingAsync(Account admin, string sku, bool present, bool? published = null)
    {
        using var client = shop.Client();
        return await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/admin/products?q={Tag(sku)}&pageSize=100", token: admin.AccessToken),
            page => Item(page, sku) is { } item
                ? present && (published is null || item["published"]!.GetValue<bool>() == published)
                : !present,
            because: $"{sku} {(present ? "in" : "out of")} the admin listing");
    }

    /// <summary>Polls the storefront search until the product is, or is no longer, found.</summary>
    private async Task ShopperSearchAsync(string sku, bool present)
    {
        using var client = shop.Client();
        await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products?q={Tag(sku)}&pageSize=100"),
            page => Item(page, sku) is not null == present,
            because: $"{sku} {(present ? "in" : "out of")} the storefront search");
    }
}
