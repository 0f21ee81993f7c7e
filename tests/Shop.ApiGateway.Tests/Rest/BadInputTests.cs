using System.Net;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>Every endpoint's bad inputs answer the expected 4xx as problem+json, never a 500.</summary>
[Collection(ShopTests.Name)]
public sealed class BadInputTests(ShopFixture shop)
{
    private const string Post = "POST";
    private const string Get = "GET";
    private const string Put = "PUT";
    private const string Patch = "PATCH";
    private const string Delete = "DELETE";
    private const string ValidRegister = """{"email":"ok@example.com","password":"long-enough-1","name":"Ok"}""";
    private const string CodBody = """{"paymentMethod":"cash_on_delivery","shippingAddress":{"name":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""";
    private static readonly string Long201 = new('q', 201);
    private static readonly string Huge = $$"""{"email":"a@b.cd","password":"{{new string('p', 70 * 1024)}}","name":"x"}""";

    public static TheoryData<string, string, string?, Caller, string?, int> Cases() => new()
    {
        // Auth
        { Post, "/v1/auth/register", "{bad json", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", "{}", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", """{"email":123,"password":"long-enough-1","name":"Ok"}""", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", """{"email":"not-an-email","password":"long-enough-1","name":"Ok"}""", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", """{"email":"ok@example.com","password":"short","name":"Ok"}""", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", $$"""{"email":"ok@example.com","password":"long-enough-1","name":"{{new string('n', 101)}}"}""", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/register", ValidRegister, Caller.Anonymous, "X-Cart-Id: user-00000000000000000000000000000000", 400 },
        { Post, "/v1/auth/register", Huge, Caller.Anonymous, null, 413 },
        { Post, "/v1/auth/register", "[1,2,3]", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/login", "{}", Caller.Anonymous, null, 400 },
        { Post, "/v1/auth/login", """{"email":"nobody@example.com","password":"whatever-1"}""", Caller.Anonymous, null, 401 },
        { Post, "/v1/auth/login", """{"email":"nobody@example.com","password":"whatever-1"}""", Caller.Anonymous, "X-Cart-Id: guest-XYZ", 400 },
        { Post, "/v1/auth/refresh", "{}", Caller.Anonymous, null, 401 },
        { Post, "/v1/auth/refresh", """{"refreshToken":"garbage.token"}""", Caller.Anonymous, null, 401 },
        { Post, "/v1/auth/refresh", """{"refreshToken":"00000000000000000000000000000000.00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", Caller.Anonymous, null, 401 },

        // Profile
        { Get, "/v1/me", null, Caller.Anonymous, null, 401 },
        { Get, "/v1/me", null, Caller.Anonymous, "Authorization: Bearer garbage", 401 },
        { Get, "/v1/me", null, Caller.Anonymous, "Authorization: Basic dXNlcjpwYXNz", 401 },
        { Patch, "/v1/me", """{"name":""}""", Caller.Shopper, null, 400 },
        { Patch, "/v1/me", """{"phone":"call me maybe"}""", Caller.Shopper, null, 400 },
        { Patch, "/v1/me", """{"name":42}""", Caller.Shopper, null, 400 },

        // Catalog reads
        { Get, "/v1/products?pageSize=101", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?page=-1", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?sort=cheapest", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?minPrice=-5", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?minPrice=abc", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?minPrice=500&maxPrice=100", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products?maxPrice=99999999999999999999", null, Caller.Anonymous, null, 400 },
        { Get, $"/v1/products?q={Long201}", null, Caller.Anonymous, null, 400 },
        { Get, "/v1/products/NO-SUCH-SKU", null, Caller.Anonymous, null, 404 },
        { Get, "/v1/products/bad%20sku", null, Caller.Anonymous, null, 400 },
        { Delete, "/v1/products", null, Caller.Anonymous, null, 404 }, // no route for that method: not found

        // Catalog writes
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Anonymous, null, 401 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Shopper, null, 403 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c"}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":-1,"currency":"EUR"}}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":100000000001,"currency":"EUR"}}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":1,"currency":"eur"}}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", """{"sku":"bad sku","name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", $$$"""{"sku":"A-1","name":"{{{new string('n', 201)}}}","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Admin, null, 400 },
        { Post, "/v1/products", """{"sku":"A-1","name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"},"stock":-3}""", Caller.Admin, null, 400 },
        { Put, "/v1/products/NO-SUCH-SKU", """{"name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Admin, null, 404 },
        { Put, "/v1/products/NO-SUCH-SKU", """{"name":"A","category":"c","price":{"amountMinor":1,"currency":"EUR"}}""", Caller.Shopper, null, 403 },
        { Put, "/v1/products/NO-SUCH-SKU/stock", """{"onHand":5}""", Caller.Admin, null, 404 },
        { Put, "/v1/products/NO-SUCH-SKU/stock", """{"onHand":-1}""", Caller.Admin, null, 400 },
        { Put, "/v1/products/NO-SUCH-SKU/stock", """{"onHand":5}""", Caller.Shopper, null, 403 },

        // Cart
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":1}""", Caller.Shopper, null, 404 },
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":0}""", Caller.Shopper, null, 400 },
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":-1}""", Caller.Shopper, null, 400 },
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":100}""", Caller.Shopper, null, 400 },
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":3000000000}""", Caller.Shopper, null, 400 },
        { Post, "/v1/cart/items", """{"sku":"NO-SUCH-SKU","quantity":"lots"}""", Caller.Shopper, null, 400 },
        { Post, "/v1/cart/items", """{"quantity":1}""", Caller.Shopper, null, 400 },
        { Put, "/v1/cart/items/NOT-IN-CART", """{"quantity":1}""", Caller.Shopper, null, 404 },
        { Put, "/v1/cart/items/NOT-IN-CART", """{"quantity":1000}""", Caller.Shopper, null, 400 },
        { Delete, "/v1/cart/items/NOT-IN-CART", null, Caller.Shopper, null, 404 },
        { Get, "/v1/cart", null, Caller.Anonymous, "X-Cart-Id: user-00000000000000000000000000000000", 400 },
        { Get, "/v1/cart", null, Caller.Anonymous, "X-Cart-Id: guest-0123", 400 },
        { Get, "/v1/cart", null, Caller.Anonymous, "X-Cart-Id: guest-0123456789ABCDEF0123456789ABCDEF", 400 },
        { Get, "/v1/cart", null, Caller.Anonymous, "X-Cart-Id: ../../etc/passwd", 400 },
        { Get, "/v1/cart", null, Caller.Anonymous, "Authorization: Bearer not.a.jwt", 401 },

        // Orders
        { Post, "/v1/orders", CodBody, Caller.Anonymous, null, 401 },
        { Post, "/v1/orders", CodBody, Caller.Anonymous, "Authorization: Bearer garbage", 401 },
        { Post, "/v1/orders", CodBody, Caller.Shopper, null, 422 },
        { Post, "/v1/orders", """{"paymentMethod":"bitcoin","shippingAddress":{"name":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""", Caller.Shopper, null, 400 },
        { Post, "/v1/orders", """{"paymentMethod":"cash_on_delivery"}""", Caller.Shopper, null, 400 },
        { Post, "/v1/orders", """{"paymentMethod":"card","shippingAddress":{"name":"A","line1":"B","city":"C","postalCode":"D","country":"GB"}}""", Caller.Shopper, null, 400 },
        { Post, "/v1/orders", """{"paymentMethod":"cash_on_delivery","shippingAddress":{"name":"A","line1":"B","city":"C","postalCode":"D","country":"G1"}}""", Caller.Shopper, null, 400 },
        { Post, "/v1/orders", CodBody, Caller.Shopper, $"Idempotency-Key: {new string('k', 101)}", 400 },
        { Post, "/v1/orders", CodBody, Caller.Shopper, "Idempotency-Key: has space", 400 },
        { Post, "/v1/orders", "{\"paymentMethod\":", Caller.Shopper, null, 400 },
        { Get, "/v1/orders?pageSize=1000", null, Caller.Shopper, null, 400 },
        { Get, "/v1/orders/not-a-guid", null, Caller.Shopper, null, 400 },
        { Get, "/v1/orders/6f1c1c3e-8f5c-4c0e-9d7a-1d2f3e4a5b6c", null, Caller.Shopper, null, 404 },
        { Post, "/v1/orders/6f1c1c3e-8f5c-4c0e-9d7a-1d2f3e4a5b6c/cancel", "{}", Caller.Shopper, null, 404 },
        { Get, "/v1/orders/6f1c1c3e-8f5c-4c0e-9d7a-1d2f3e4a5b6c", null, Caller.Anonymous, null, 401 },

        // Routing
        { Get, "/v1/nothing-here", null, Caller.Anonymous, null, 404 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_gets_its_4xx_as_problem_json(
        string method, string path, string? body, Caller caller, string? header, int expected)
    {
        var token = caller switch
        {
            Caller.Shopper => (await shop.SharedShopperAsync()).AccessToken,
            Caller.Admin => (await shop.SharedAdminAsync()).AccessToken,
            _ => null,
        };
        var headers = header is null ? null : new Dictionary<string, string> { [header[..header.IndexOf(':', StringComparison.Ordinal)]] = header[(header.IndexOf(':', StringComparison.Ordinal) + 2)..] };
        using var client = shop.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, body, token, headers);

        await ShopClient.ProblemAsync(response, (HttpStatusCode)expected);
    }

    [Fact]
    public async Task An_oversized_streamed_body_without_a_length_is_413()
    {
        using var http = shop.App.CreateClient();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Huge)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/auth/register", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();

        await ShopClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_validation_problem_names_the_field_and_a_refusal_carries_its_code()
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var invalid = await client.SendAsync(HttpMethod.Post, "/v1/cart/items", Requests.Item("SKU-1", 0), shopper.AccessToken);
        using var missing = await client.SendAsync(HttpMethod.Get, "/v1/products/NO-SUCH-SKU");

        var validation = await ShopClient.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal("quantity", validation["code"]!.GetValue<string>());
        Assert.NotNull(validation["errors"]!["quantity"]);
        var notFound = await ShopClient.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal("product.not_found", notFound["code"]!.GetValue<string>());
    }
}
