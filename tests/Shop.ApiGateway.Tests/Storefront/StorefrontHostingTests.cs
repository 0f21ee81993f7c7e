using System.Net;
using Shop.ApiGateway.Storefront;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Storefront;

/// <summary>The gateway serves the storefront as a single-page app beside the API, with caching headers.</summary>
public sealed class StorefrontHostingTests(StorefrontSite site) : IClassFixture<StorefrontSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/products/SKU-1")]
    [InlineData("/account/orders/0b7c5d1e-5b0f-4d0e-9a43-6d1f3f0f2a11")]
    [InlineData("/admin/products")]
    public async Task A_storefront_route_is_answered_with_the_index_page_which_is_revalidated_on_every_visit(string path)
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(StorefrontSite.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control of {path}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_hashed_asset_is_cached_for_a_year_as_immutable()
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Get, StorefrontSite.AssetPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StorefrontSetup.ImmutableCacheControl, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_missing_file_is_a_404_not_the_index_page()
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Get, "/assets/index-missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(StorefrontSite.IndexMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/no-such-resource")]
    [InlineData("/v1/products/SKU-1/no-such-thing")]
    [InlineData("/v1")]
    [InlineData("/metrics/nothing")]
    [InlineData("/openapi/nothing")]
    public async Task An_unknown_api_path_stays_a_problem_json_404(string path)
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Get, path);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_of_the_build_under_an_api_path_is_not_served()
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Get, StorefrontSite.FileUnderApiPath);

        await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/v1/no-such-resource")]
    [InlineData("DELETE", "/v1/no-such-resource/1")]
    [InlineData("PUT", "/v1")]
    public async Task An_unknown_api_path_is_a_problem_json_404_whatever_the_method(string method, string path)
    {
        using var client = site.Client();

        using var response = await client.SendAsync(new HttpMethod(method), path, "{}");

        await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_and_the_probes_answer_as_before_beside_the_storefront()
    {
        using var client = site.Client();

        var products = await client.JsonAsync(HttpMethod.Get, "/v1/products?pageSize=1");
        using var health = await client.SendAsync(HttpMethod.Get, "/healthz");
        var openApi = await client.JsonAsync(HttpMethod.Get, "/openapi/v1.json");

        Assert.NotNull(products["items"]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEqual("text/html", health.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(openApi["paths"]);
    }

    [Fact]
    public async Task A_post_to_a_storefront_route_is_refused_not_answered_with_the_page()
    {
        using var client = site.Client();

        using var response = await client.SendAsync(HttpMethod.Post, "/products/SKU-1", "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
