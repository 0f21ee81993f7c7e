using System.Net;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>Health, readiness, the OpenAPI document, the API reference and the static files.</summary>
[Collection(ShopTests.Name)]
public sealed class HostingTests(ShopFixture shop)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task The_probes_answer_200_while_the_cluster_runs(string path)
    {
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_rest_paths_of_the_api()
    {
        using var client = shop.Client();

        var document = await client.JsonAsync(HttpMethod.Get, "/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[]
        {
            "/v1/auth/register", "/v1/auth/login", "/v1/auth/refresh", "/v1/me", "/v1/products", "/v1/products/{sku}",
            "/v1/products/{sku}/stock", "/v1/cart", "/v1/cart/items", "/v1/cart/items/{sku}", "/v1/orders",
            "/v1/orders/{orderId}", "/v1/orders/{orderId}/cancel",
        })
        {
            Assert.Contains(path, paths);
        }

        Assert.NotNull(document["paths"]!["/v1/orders"]!["post"]!["responses"]!["202"]);
        var placeOrder = document["paths"]!["/v1/orders"]!["post"]!;
        Assert.Contains("Idempotency-Key", $"{placeOrder["summary"]} {placeOrder["description"]}", StringComparison.Ordinal);
        var schema = document["components"]!["schemas"]!["PlaceOrderRequest"]!;
        Assert.Contains("card", schema["properties"]!["paymentMethod"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_and_the_storefront_placeholder_are_served()
    {
        using var client = shop.Client();

        using var scalar = await client.SendAsync(HttpMethod.Get, "/scalar/");
        using var index = await client.SendAsync(HttpMethod.Get, "/");

        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Equal("text/html", scalar.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Shop", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_endpoint_exposes_request_and_runtime_metrics_to_prometheus()
    {
        using var client = shop.Client();
        using var warmUp = await client.SendAsync(HttpMethod.Get, "/v1/products");

        using var response = await client.SendAsync(HttpMethod.Get, "/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", body, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", body, StringComparison.Ordinal);
    }
}
