using System.Net;
using System.Text.Json.Nodes;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>Who may do what: tokens, roles, ownership, refresh-token rotation.</summary>
[Collection(ShopTests.Name)]
public sealed class AuthorizationTests(ShopFixture shop)
{
    public static TheoryData<string> BadTokens() => ["alg-none", "wrong-key", "expired", "wrong-audience", "wrong-issuer"];

    [Fact]
    public async Task Placing_an_order_without_a_token_is_401()
    {
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/orders", Requests.CashOnDelivery());

        await ShopClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_forged_or_stale_token_is_401(string kind)
    {
        var shopper = await shop.SharedShopperAsync();
        var token = kind switch
        {
            "alg-none" => ForgedTokens.AlgNone(shopper.UserId),
            "wrong-key" => ForgedTokens.WrongKey(shopper.UserId),
            "expired" => ForgedTokens.Expired(shopper.UserId),
            "wrong-audience" => ForgedTokens.WrongAudience(shopper.UserId),
            _ => ForgedTokens.WrongIssuer(shopper.UserId),
        };
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Get, "/v1/me", token: token);

        await ShopClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_made_with_the_right_key_is_accepted()
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        var me = await client.JsonAsync(HttpMethod.Get, "/v1/me", token: ForgedTokens.Valid(shopper.UserId));

        Assert.Equal(shopper.UserId.ToString(), me["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_order_is_404_to_read_and_to_cancel()
    {
        var sku = await shop.ProductAsync();
        var owner = await shop.ShopperAsync();
        var other = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(owner, sku);
        var orderId = await client.PlaceOrderAsync(owner, Requests.Card("tok_threeDSecure2Required"));

        using var read = await client.SendAsync(HttpMethod.Get, $"/v1/orders/{orderId}", token: other.AccessToken);
        using var cancel = await client.SendAsync(HttpMethod.Post, $"/v1/orders/{orderId}/cancel", new { }, other.AccessToken);

        await ShopClient.ProblemAsync(read, HttpStatusCode.NotFound);
        await ShopClient.ProblemAsync(cancel, HttpStatusCode.NotFound);
        var history = await client.JsonAsync(HttpMethod.Get, "/v1/orders", token: other.AccessToken);
        Assert.Empty(history["items"]!.AsArray());
        var order = await client.JsonAsync(HttpMethod.Get, $"/v1/orders/{orderId}", token: owner.AccessToken);
        Assert.NotEqual("CANCELLED", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_users_cart_is_unreachable()
    {
        var sku = await shop.ProductAsync();
        var owner = await shop.ShopperAsync();
        var other = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(owner, sku);
        var ownersCartId = $"user-{owner.UserId:N}";

        using var asGuest = await client.SendAsync(HttpMethod.Get, "/v1/cart", headers: Requests.Cart(ownersCartId));
        var asOther = await client.JsonAsync(HttpMethod.Get, "/v1/cart", token: other.AccessToken, headers: Requests.Cart(ownersCartId));
        using var merge = await client.SendAsync(HttpMethod.Post, "/v1/auth/login",
            new { email = other.Email, password = Requests.Password }, headers: Requests.Cart(ownersCartId));

        await ShopClient.ProblemAsync(asGuest, HttpStatusCode.BadRequest);
        Assert.Empty(asOther["lines"]!.AsArray());
        await ShopClient.ProblemAsync(merge, HttpStatusCode.BadRequest);
        var ownersCart = await client.JsonAsync(HttpMethod.Get, "/v1/cart", token: owner.AccessToken);
        Assert.Single(ownersCart["lines"]!.AsArray());
    }

    [Fact]
    public async Task A_shopper_on_admin_endpoints_is_403_and_an_admin_manages_the_catalog()
    {
        var shopper = await shop.SharedShopperAsync();
        var admin = await shop.SharedAdminAsync();
        var sku = "ADM-" + shop.Unique();
        var product = new
        {
            sku,
            name = "Admin lamp",
            description = "Bright.",
            category = "lighting",
            price = new { amountMinor = 4200, currency = "EUR" },
            stock = 3,
        };
        using var client = shop.Client();

        using var refused = await client.SendAsync(HttpMethod.Post, "/v1/products", product, shopper.AccessToken);
        var created = await client.JsonAsync(HttpMethod.Post, "/v1/products", product, admin.AccessToken);
        using var duplicate = await client.SendAsync(HttpMethod.Post, "/v1/products", product, admin.AccessToken);
        var updated = await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}",
            new { name = "Admin lamp 2", category = "lighting", price = new { amountMinor = 4300, currency = "EUR" } }, admin.AccessToken);
        var stock = await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}/stock", new { onHand = 9 }, admin.AccessToken);
        using var stockRefused = await client.SendAsync(HttpMethod.Put, $"/v1/products/{sku}/stock", new { onHand = 0 }, shopper.AccessToken);

        await ShopClient.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(3, created["stock"]!.GetValue<long>());
        await ShopClient.ProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal(4300, updated["price"]!["amountMinor"]!.GetValue<long>());
        Assert.Equal(9, stock["available"]!.GetValue<long>());
        await ShopClient.ProblemAsync(stockRefused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Registering_a_taken_email_is_409()
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/auth/register",
            new { email = shopper.Email.ToUpperInvariant(), password = Requests.Password, name = "Twin" });

        await ShopClient.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_401()
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var unknown = await client.SendAsync(HttpMethod.Post, "/v1/auth/login", new { email = "ghost@example.com", password = Requests.Password });
        using var wrong = await client.SendAsync(HttpMethod.Post, "/v1/auth/login", new { email = shopper.Email, password = "not-the-password" });

        var a = await ShopClient.ProblemAsync(unknown, HttpStatusCode.Unauthorized);
        var b = await ShopClient.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(a["detail"]!.GetValue<string>(), b["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_a_reused_one_is_401_and_revokes_its_family()
    {
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        var first = shopper.Tokens.RefreshToken;

        var rotated = await client.JsonAsync(HttpMethod.Post, "/v1/auth/refresh", new { refreshToken = first });
        var second = rotated["refreshToken"]!.GetValue<string>();
        var me = await client.JsonAsync(HttpMethod.Get, "/v1/me", token: rotated["accessToken"]!.GetValue<string>());
        using var reuse = await client.SendAsync(HttpMethod.Post, "/v1/auth/refresh", new { refreshToken = first });
        using var newestAfterReuse = await client.SendAsync(HttpMethod.Post, "/v1/auth/refresh", new { refreshToken = second });

        Assert.NotEqual(first, second);
        Assert.Equal(shopper.Email, me["email"]!.GetValue<string>());
        var problem = await ShopClient.ProblemAsync(reuse, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.refresh_token_reused", problem["code"]!.GetValue<string>());
        await ShopClient.ProblemAsync(newestAfterReuse, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_access_token_carries_the_user_and_roles_and_lasts_fifteen_minutes()
    {
        var admin = await shop.SharedAdminAsync();

        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(admin.AccessToken);

        Assert.Equal(admin.UserId.ToString(), token.Subject);
        Assert.Equal("HS256", token.Alg);
        Assert.Equal("shop", token.Issuer);
        Assert.Equal("shop-api", Assert.Single(token.Audiences));
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.Equal(900, admin.Tokens.ExpiresIn);
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task The_seeded_admin_of_development_can_log_in()
    {
        using var client = shop.Client();

        var tokens = await client.JsonAsync(HttpMethod.Post, "/v1/auth/login", new { email = "admin@shop.local", password = "ChangeMe-Admin-1" });
        var me = await client.JsonAsync(HttpMethod.Get, "/v1/me", token: tokens["accessToken"]!.GetValue<string>());

        Assert.Contains("admin", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.IsType<JsonArray>(me["roles"]);
    }

    [Fact]
    public async Task Only_an_admin_may_rebuild_the_search_index()
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.SharedShopperAsync();
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        using var anonymous = await client.SendAsync(HttpMethod.Post, "/v1/admin/search/rebuild", new { });
        using var forbidden = await client.SendAsync(HttpMethod.Post, "/v1/admin/search/rebuild", new { }, shopper.AccessToken);
        var rebuilt = await client.JsonAsync(HttpMethod.Post, "/v1/admin/search/rebuild", new { }, admin.AccessToken);

        await ShopClient.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ShopClient.ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.True(rebuilt["indexed"]!.GetValue<long>() >= 1);
        var found = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal(sku, found["sku"]!.GetValue<string>());
    }
}
