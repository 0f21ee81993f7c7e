using System.Net;
using System.Text.Json.Nodes;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Shopping steps over REST that many tests share.</summary>
public static class ShopClientOrders
{
    /// <summary>Puts units of a SKU in the user's cart.</summary>
    public static Task<JsonNode> AddToCartAsync(this ShopClient client, Account account, string sku, int quantity = 1) =>
        client.JsonAsync(HttpMethod.Post, "/v1/cart/items", Requests.Item(sku, quantity), account.AccessToken);

    /// <summary>Places an order and returns its id, asserting 202.</summary>
    public static async Task<string> PlaceOrderAsync(
        this ShopClient client, Account account, object checkout, IDictionary<string, string>? headers = null)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/v1/orders", checkout, account.AccessToken, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /v1/orders answered {(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!;
        Assert.Equal("PENDING", json["status"]!.GetValue<string>());
        return json["orderId"]!.GetValue<string>();
    }

    /// <summary>Reads the order until its status is one of <paramref name="statuses"/>.</summary>
    public static Task<JsonNode> OrderReachingAsync(this ShopClient client, Account account, string orderId, params string[] statuses) =>
        Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/orders/{orderId}", token: account.AccessToken),
            order => statuses.Contains(order["status"]!.GetValue<string>()),
            because: $"order {orderId} to reach {string.Join("/", statuses)}");
}
