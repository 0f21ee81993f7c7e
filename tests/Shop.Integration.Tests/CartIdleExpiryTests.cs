using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;

namespace Shop.Integration.Tests;

/// <summary>
/// A cart left idle for <c>Shop:Carts:IdleExpiry</c> reads as empty through the gateway, with carts on Redis as in
/// production (DESIGN.md section 4).
/// </summary>
[Collection(ServersFixtures.Name)]
public sealed class CartIdleExpiryTests(RedisServer redis)
{
    // The shortest idle period the options allow; the cart must read as empty soon after it.
    private const string IdleExpiry = "00:01:00";
    private static readonly TimeSpan ExpiryDeadline = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task A_cart_with_lines_reads_as_empty_through_the_gateway_once_it_has_been_idle_for_the_idle_expiry()
    {
        await using var app = new GatewayApp(Settings.CartsOnRedis(redis.ConnectionString, Settings.NewServiceId("idle-cart"), IdleExpiry));
        _ = app.Server;
        var sku = await new ShopDriver(app.Grains).Product(stock: 10);
        using var http = app.CreateClient();
        var cart = "guest-" + Guid.NewGuid().ToString("N");
        using (var add = new HttpRequestMessage(HttpMethod.Post, "/v1/cart/items") { Content = JsonContent.Create(new { sku, quantity = 2 }) })
        {
            add.Headers.Add("X-Cart-Id", cart);
            using var added = await http.SendAsync(add);
            Assert.True(added.IsSuccessStatusCode, $"adding a line answered {(int)added.StatusCode}");
        }

        Assert.Equal(1, await LineCount(http, cart));
        await Eventually.Until(async () => await LineCount(http, cart) == 0, ExpiryDeadline, "the idle cart to read as empty");
    }

    private static async Task<int> LineCount(HttpClient http, string cart)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/cart");
        request.Headers.Add("X-Cart-Id", cart);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"reading the cart answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["lines"]?.AsArray().Count ?? 0;
    }
}
