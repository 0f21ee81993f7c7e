using System.Net;
using System.Text.Json.Nodes;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>A shopper's whole journey over REST: browse, guest cart, log in (merge), checkout, history, cancel.</summary>
[Collection(ShopTests.Name)]
public sealed class PurchaseOverRestTests(ShopFixture shop)
{
    [Fact]
    public async Task A_guest_browses_fills_a_cart_logs_in_and_the_cart_follows()
    {
        var sku = await shop.ProductAsync(priceMinor: 2500, onHand: 7);
        var email = $"journey-{shop.Unique()}@example.com";
        using var client = shop.Client();
        await client.RegisterAsync(email, Requests.Password, "Journey");

        var found = await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products?q={sku}&pageSize=5"),
            page => page["items"]!.AsArray().Any(p => p!["sku"]!.GetValue<string>() == sku),
            because: "the search index to list the product");
        Assert.True(found["total"]!.GetValue<long>() >= 1);
        var product = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal(2500, product["price"]!["amountMinor"]!.GetValue<long>());
        Assert.Equal("EUR", product["price"]!["currency"]!.GetValue<string>());
        Assert.Equal(7, product["stock"]!.GetValue<long>());

        using var guest = await client.SendAsync(HttpMethod.Get, "/v1/cart");
        var cartId = Assert.Single(guest.Headers.GetValues("X-Cart-Id"));
        Assert.Matches("^guest-[0-9a-f]{32}$", cartId);
        Assert.Equal(cartId, JsonNode.Parse(await guest.Content.ReadAsStringAsync())!["cartId"]!.GetValue<string>());
        var guestCart = await client.JsonAsync(HttpMethod.Post, "/v1/cart/items", Requests.Item(sku, 2), headers: Requests.Cart(cartId));
        Assert.Equal(5000, guestCart["total"]!["amountMinor"]!.GetValue<long>());

        var tokens = await client.LoginAsync(email, Requests.Password, cartId);
        var userCart = await client.JsonAsync(HttpMethod.Get, "/v1/cart", token: tokens.AccessToken);

        var line = Assert.Single(userCart["lines"]!.AsArray());
        Assert.Equal(sku, line!["sku"]!.GetValue<string>());
        Assert.Equal(2, line["quantity"]!.GetValue<int>());
        Assert.Equal(5000, line["lineTotal"]!["amountMinor"]!.GetValue<long>());
        Assert.Equal($"user-{Guid.Parse(tokens.UserId):N}", userCart["cartId"]!.GetValue<string>());
        var guestAfter = await client.JsonAsync(HttpMethod.Get, "/v1/cart", headers: Requests.Cart(cartId));
        Assert.Empty(guestAfter["lines"]!.AsArray());
    }

    [Fact]
    public async Task Cash_on_delivery_checkout_is_accepted_and_confirmed()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku, 3);

        var orderId = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery());
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");

        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
        Assert.Equal("cash_on_delivery", order["payment"]!["method"]!.GetValue<string>());
        Assert.Equal(3 * 1999, order["total"]!["amountMinor"]!.GetValue<long>());
        Assert.Equal("GB", order["shippingAddress"]!["country"]!.GetValue<string>());
        var cart = await client.JsonAsync(HttpMethod.Get, "/v1/cart", token: shopper.AccessToken);
        Assert.Empty(cart["lines"]!.AsArray());
    }

    [Fact]
    public async Task Card_checkout_with_tok_visa_is_confirmed_and_paid()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);

        var orderId = await client.PlaceOrderAsync(shopper, Requests.Card("tok_visa"));
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");

        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
        Assert.Equal("card", order["payment"]!["method"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", order["payment"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_card_cancels_the_order_with_reason_payment_declined_and_restores_stock()
    {
        var sku = await shop.ProductAsync(onHand: 5);
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku, 2);

        var orderId = await client.PlaceOrderAsync(shopper, Requests.Card("tok_chargeDeclined"));
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");

        Assert.Equal("CANCELLED", order["status"]!.GetValue<string>());
        Assert.Equal("payment_declined", order["reason"]!.GetValue<string>());
        await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}"),
            product => product["stock"]!.GetValue<long>() == 5,
            because: "the stock to be released");
    }

    [Fact]
    public async Task The_history_lists_the_shoppers_orders_newest_first()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        var placed = new List<string>();
        foreach (var checkout in new[] { Requests.CashOnDelivery(), Requests.Card("tok_visa"), Requests.Card("tok_chargeDeclined") })
        {
            await client.AddToCartAsync(shopper, sku);
            placed.Add(await client.PlaceOrderAsync(shopper, checkout));
        }

        var history = await client.JsonAsync(HttpMethod.Get, "/v1/orders?page=1&pageSize=10", token: shopper.AccessToken);

        Assert.Equal(3, history["total"]!.GetValue<int>());
        var ids = history["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Reverse(placed), ids);
        var firstPage = await client.JsonAsync(HttpMethod.Get, "/v1/orders?page=1&pageSize=2", token: shopper.AccessToken);
        Assert.Equal(2, firstPage["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_shopper_cancels_an_order_waiting_for_payment_action_but_not_a_confirmed_one()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);
        var waiting = await client.PlaceOrderAsync(shopper, Requests.Card("tok_threeDSecure2Required"));
        var pending = await client.OrderReachingAsync(shopper, waiting, "AWAITING_PAYMENT_ACTION", "CONFIRMED", "CANCELLED");
        Assert.Equal("AWAITING_PAYMENT_ACTION", pending["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(pending["payment"]!["clientSecret"]?.GetValue<string>()));

        var cancelled = await client.JsonAsync(HttpMethod.Post, $"/v1/orders/{waiting}/cancel", new { }, shopper.AccessToken);
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Equal("cancelled_by_customer", cancelled["reason"]!.GetValue<string>());

        await client.AddToCartAsync(shopper, sku);
        var confirmed = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery());
        await client.OrderReachingAsync(shopper, confirmed, "CONFIRMED");
        using var refused = await client.SendAsync(HttpMethod.Post, $"/v1/orders/{confirmed}/cancel", new { }, shopper.AccessToken);
        await ShopClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_one_order()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);
        var key = Requests.IdempotencyKey("checkout-" + shop.Unique());

        var first = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery(), key);
        var second = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery(), key);

        Assert.Equal(first, second);
        var history = await client.JsonAsync(HttpMethod.Get, "/v1/orders", token: shopper.AccessToken);
        Assert.Equal(1, history["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_shopper_reads_and_changes_their_profile_but_not_their_roles()
    {
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();

        var changed = await client.JsonAsync(HttpMethod.Patch, "/v1/me",
            """{"name":"Renamed","phone":"+44 20 1234","roles":["admin"]}""", shopper.AccessToken);
        var me = await client.JsonAsync(HttpMethod.Get, "/v1/me", token: shopper.AccessToken);

        Assert.Equal("Renamed", changed["name"]!.GetValue<string>());
        Assert.Equal("+44 20 1234", me["phone"]!.GetValue<string>());
        Assert.Equal(shopper.Email, me["email"]!.GetValue<string>());
        Assert.Equal(["customer"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
