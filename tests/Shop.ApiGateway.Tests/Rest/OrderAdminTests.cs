using System.Net;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>Shop staff's order and customer management over REST: authorisation, bad input, wrong states, the actions.</summary>
[Collection(ShopTests.Name)]
public sealed class OrderAdminTests(ShopFixture shop)
{
    private const string AnyOrder = "0b5e2c4a-7d1f-4e3a-9c8b-2f6d5a4e3c21";

    /// <summary>Every admin route of the orders and customers, as method, path and body.</summary>
    public static TheoryData<string, string, string?> AdminRoutes() => new()
    {
        { "GET", "/v1/admin/orders", null },
        { "GET", $"/v1/admin/orders/{AnyOrder}", null },
        { "POST", $"/v1/admin/orders/{AnyOrder}/cancel", "{}" },
        { "POST", $"/v1/admin/orders/{AnyOrder}/refund", """{"lines":[]}""" },
        { "POST", $"/v1/admin/orders/{AnyOrder}/resend-confirmation", "{}" },
        { "POST", $"/v1/admin/orders/{AnyOrder}/mark-paid", "{}" },
        { "GET", "/v1/admin/stuck-orders", null },
        { "POST", "/v1/admin/orders/rebuild", "{}" },
        { "GET", "/v1/admin/customers?email=a@example.com", null },
        { "GET", $"/v1/admin/customers/{AnyOrder}/orders", null },
        { "POST", $"/v1/admin/customers/{AnyOrder}/disable", "{}" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task An_admin_order_route_is_401_without_a_token(string method, string path, string? body)
    {
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task An_admin_order_route_is_403_for_a_shopper(string method, string path, string? body)
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, shopper.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("status=SHIPPED", "status")]
    [InlineData("placedFrom=yesterday", "placedFrom")]
    [InlineData("placedFrom=2026-12-02T00:00:00Z&placedTo=2026-12-01T00:00:00Z", "placedTo")]
    [InlineData("paymentMethod=cheque", "paymentMethod")]
    [InlineData("minTotal=-1", "minTotal")]
    [InlineData("minTotal=500&maxTotal=100", "maxTotal")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0&pageSize=100&email=nobody", "email")]
    public async Task A_bad_order_filter_is_400_naming_the_field(string query, string field)
    {
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v1/admin/orders?{query}", token: admin.AccessToken);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v1/admin/orders/not-a-guid", null, "orderId")]
    [InlineData("GET", "/v1/admin/stuck-orders?olderThanSeconds=0", null, "olderThanSeconds")]
    [InlineData("GET", "/v1/admin/stuck-orders?limit=1000", null, "limit")]
    [InlineData("GET", "/v1/admin/customers?email=", null, "email")]
    [InlineData("GET", "/v1/admin/customers/not-a-guid/orders", null, "userId")]
    [InlineData("POST", $"/v1/admin/orders/{AnyOrder}/refund", """{"lines":[]}""", "Idempotency-Key")]
    public async Task A_bad_admin_request_is_400_naming_the_field(string method, string path, string? body, string field)
    {
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, admin.AccessToken);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", $"/v1/admin/orders/{AnyOrder}", null)]
    [InlineData("POST", $"/v1/admin/orders/{AnyOrder}/cancel", "{}")]
    [InlineData("POST", $"/v1/admin/orders/{AnyOrder}/mark-paid", "{}")]
    [InlineData("GET", "/v1/admin/customers?email=nobody-here@example.com", null)]
    [InlineData("POST", $"/v1/admin/customers/{AnyOrder}/disable", "{}")]
    public async Task An_unknown_order_or_customer_is_404(string method, string path, string? body)
    {
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, admin.AccessToken);

        await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_finds_an_order_by_email_reads_its_timeline_and_refunds_one_line_which_the_customer_sees()
    {
        var admin = await shop.SharedAdminAsync();
        var lamp = await shop.ProductAsync(priceMinor: 1500, onHand: 10);
        var chair = await shop.ProductAsync(priceMinor: 4000, onHand: 10);
        var customer = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(customer, lamp, 2);
        await client.AddToCartAsync(customer, chair);
        var orderId = await client.PlaceOrderAsync(customer, Requests.Card("tok_visa"));
        await client.OrderReachingAsync(customer, orderId, "CONFIRMED");

        var list = await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/admin/orders?email={Uri.EscapeDataString(customer.Email)}&status=CONFIRMED", token: admin.AccessToken),
            page => page["items"]!.AsArray().Count == 1,
            because: "the confirmed order never reached the admin list");
        var detail = await client.JsonAsync(HttpMethod.Get, $"/v1/admin/orders/{orderId}", token: admin.AccessToken);
        var refund = await client.JsonAsync(
            HttpMethod.Post, $"/v1/admin/orders/{orderId}/refund", new { lines = new[] { new { sku = lamp, quantity = 1 } }, restock = true }, admin.AccessToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = "refund-lamp-1" });
        var retried = await client.JsonAsync(
            HttpMethod.Post, $"/v1/admin/orders/{orderId}/refund", new { lines = new[] { new { sku = lamp, quantity = 1 } }, restock = true }, admin.AccessToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = "refund-lamp-1" });
        var seen = await client.JsonAsync(HttpMethod.Get, $"/v1/orders/{orderId}", token: customer.AccessToken);

        Assert.Equal(orderId, list["items"]![0]!["orderId"]!.GetValue<string>());
        Assert.Equal(1, list["statusCounts"]!["CONFIRMED"]!.GetValue<int>());
        var kinds = detail["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("order_placed", kinds);
        Assert.Contains("order_confirmed", kinds);
        Assert.Equal(3, detail["order"]!["lines"]![0]!["quantity"]!.GetValue<int>() + detail["order"]!["lines"]![1]!["quantity"]!.GetValue<int>());
        Assert.Equal(("PARTIALLY_REFUNDED", 1500L), (refund["payment"]!["status"]!.GetValue<string>(), refund["payment"]!["refunded"]!["amountMinor"]!.GetValue<long>()));
        Assert.Equal(1500L, retried["payment"]!["refunded"]!["amountMinor"]!.GetValue<long>());
        Assert.Equal(("CONFIRMED", "PARTIALLY_REFUNDED", 1500L), (seen["status"]!.GetValue<string>(), seen["payment"]!["status"]!.GetValue<string>(), seen["payment"]!["refunded"]!["amountMinor"]!.GetValue<long>()));
        var refunded = await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/admin/orders/{orderId}", token: admin.AccessToken),
            d => d["timeline"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == "order_refunded"),
            because: "the refund never reached the timeline");
        var step = refunded["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "order_refunded")!;
        Assert.Equal(admin.UserId.ToString(), step["by"]!.GetValue<string>());
        Assert.True(step["sincePreviousMs"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task A_refund_larger_than_paid_is_422_and_a_refund_of_a_cash_order_is_422()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await shop.ProductAsync(priceMinor: 1500, onHand: 10);
        var customer = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(customer, sku);
        var card = await client.PlaceOrderAsync(customer, Requests.Card("tok_visa"));
        await client.OrderReachingAsync(customer, card, "CONFIRMED");
        await client.AddToCartAsync(customer, sku);
        var cash = await client.PlaceOrderAsync(customer, Requests.CashOnDelivery());
        await client.OrderReachingAsync(customer, cash, "CONFIRMED");

        using var tooMuch = await client.SendAsync(
            HttpMethod.Post, $"/v1/admin/orders/{card}/refund", new { lines = new[] { new { sku, quantity = 2 } } }, admin.AccessToken,
            new Dictionary<string, string> { ["Idempotency-Key"] = "too-much" });
        using var cashRefund = await client.SendAsync(
            HttpMethod.Post, $"/v1/admin/orders/{cash}/refund", new { }, admin.AccessToken, new Dictionary<string, string> { ["Idempotency-Key"] = "cash" });
        var paid = await client.JsonAsync(HttpMethod.Post, $"/v1/admin/orders/{cash}/mark-paid", new { }, admin.AccessToken);
        using var cardPaid = await client.SendAsync(HttpMethod.Post, $"/v1/admin/orders/{card}/mark-paid", new { }, admin.AccessToken);
        using var cancelConfirmed = await client.SendAsync(HttpMethod.Post, $"/v1/admin/orders/{card}/cancel", new { }, admin.AccessToken);

        Assert.Equal("refund.exceeds_paid", (await ShopClient.ProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal("refund.not_card", (await ShopClient.ProblemAsync(cashRefund, HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal("CASH_COLLECTED", paid["payment"]!["status"]!.GetValue<string>());
        Assert.Equal("payment.not_cash_on_delivery", (await ShopClient.ProblemAsync(cardPaid, HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal("order.final", (await ShopClient.ProblemAsync(cancelConfirmed, HttpStatusCode.Conflict))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_cancels_an_order_waiting_for_payment_and_cannot_resend_its_confirmation()
    {
        var admin = await shop.SharedAdminAsync();
        var sku = await shop.ProductAsync(onHand: 10);
        var customer = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(customer, sku);
        var orderId = await client.PlaceOrderAsync(customer, Requests.Card("tok_threeDSecure2Required"));
        await client.OrderReachingAsync(customer, orderId, "AWAITING_PAYMENT_ACTION");

        var cancelled = await client.JsonAsync(HttpMethod.Post, $"/v1/admin/orders/{orderId}/cancel", new { }, admin.AccessToken);
        using var resend = await client.SendAsync(HttpMethod.Post, $"/v1/admin/orders/{orderId}/resend-confirmation", new { }, admin.AccessToken);

        Assert.Equal(("CANCELLED", "cancelled_by_shop"), (cancelled["status"]!.GetValue<string>(), cancelled["reason"]!.GetValue<string>()));
        Assert.Equal("order.not_confirmed", (await ShopClient.ProblemAsync(resend, HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        var stuck = await client.JsonAsync(HttpMethod.Get, "/v1/admin/stuck-orders?olderThanSeconds=3600", token: admin.AccessToken);
        Assert.DoesNotContain(stuck["items"]!.AsArray(), o => o!["orderId"]!.GetValue<string>() == orderId);
        var rebuilt = await client.JsonAsync(HttpMethod.Post, "/v1/admin/orders/rebuild", new { }, admin.AccessToken);
        Assert.True(rebuilt["orders"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_disabled_customer_is_found_by_email_and_their_access_and_refresh_tokens_are_refused()
    {
        var admin = await shop.SharedAdminAsync();
        var customer = await shop.ShopperAsync();
        using var client = shop.Client();

        var found = await client.JsonAsync(HttpMethod.Get, $"/v1/admin/customers?email={Uri.EscapeDataString(customer.Email.ToUpperInvariant())}", token: admin.AccessToken);
        var disabled = await client.JsonAsync(HttpMethod.Post, $"/v1/admin/customers/{customer.UserId}/disable", new { }, admin.AccessToken);
        using var me = await client.SendAsync(HttpMethod.Get, "/v1/me", token: customer.AccessToken);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v1/auth/refresh", new { refreshToken = customer.Tokens.RefreshToken });
        var orders = await client.JsonAsync(HttpMethod.Get, $"/v1/admin/customers/{customer.UserId}/orders", token: admin.AccessToken);

        Assert.Equal((customer.UserId.ToString(), false), (found["userId"]!.GetValue<string>(), found["disabled"]?.GetValue<bool>() ?? false));
        Assert.True(disabled["disabled"]!.GetValue<bool>());
        await ShopClient.ProblemAsync(me, HttpStatusCode.Unauthorized);
        await ShopClient.ProblemAsync(refresh, HttpStatusCode.Unauthorized);
        Assert.Equal(0, orders["total"]?.GetValue<int>() ?? 0);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var admin = await shop.AdminAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, $"/v1/admin/customers/{admin.UserId}/disable", new { }, admin.AccessToken);

        Assert.Equal("customer.self", (await ShopClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
    }
}
