using System.Diagnostics;
using System.Text.Json.Nodes;
using Shop.ApiGateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>What an admin changes shows in the storefront search within two seconds (the polling deadline).</summary>
[Collection(ShopTests.Name)]
public sealed class SearchFreshnessTests(ShopFixture shop, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_product_created_unpublished_and_deleted_by_an_admin_shows_so_in_search_within_two_seconds()
    {
        var admin = await shop.SharedAdminAsync();
        var word = "fresh" + shop.Unique();
        var sku = "FRESH-" + shop.Unique();
        using var client = shop.Client();
        await WarmUpAsync(client, admin);

        await CreateAsync(client, admin, sku, word);
        await SearchShowsAsync(client, word, sku, present: true, "created");

        await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}", new { published = false }, admin.AccessToken);
        await SearchShowsAsync(client, word, sku, present: false, "unpublished");

        await client.JsonAsync(HttpMethod.Put, $"/v1/products/{sku}", new { published = true }, admin.AccessToken);
        await SearchShowsAsync(client, word, sku, present: true, "published again");

        await client.JsonAsync(HttpMethod.Delete, $"/v1/products/{sku}", token: admin.AccessToken);
        await SearchShowsAsync(client, word, sku, present: false, "deleted");
    }

    /// <summary>
    /// The first product change of a fresh shop also activates the index grain and starts the stream's pulling agent;
    /// the two-second promise is about a running shop, so one change goes through before the clock starts.
    /// </summary>
    private async Task WarmUpAsync(ShopClient client, Account admin)
    {
        var (word, sku) = ("warm" + shop.Unique(), "WARM-" + shop.Unique());
        await CreateAsync(client, admin, sku, word);
        await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products?q={word}"),
            page => page["items"]!.AsArray().Any(item => IsSku(item, sku)),
            because: "the warm-up product in search");
    }

    private static Task<JsonNode> CreateAsync(ShopClient client, Account admin, string sku, string word) =>
        client.JsonAsync(HttpMethod.Post, "/v1/products", new
        {
            sku,
            name = $"Fresh pine bench {word}",
            category = "home",
            price = new { amountMinor = 8900, currency = "EUR" },
        }, admin.AccessToken);

    private async Task SearchShowsAsync(ShopClient client, string word, string sku, bool present, string change)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products?q={word}"),
            page => page["items"]!.AsArray().Any(item => IsSku(item, sku)) == present,
            Deadline,
            $"search to show {sku} {change}");
        output.WriteLine($"{change}: search showed it after {clock.ElapsedMilliseconds} ms");
    }

    private static bool IsSku(JsonNode? item, string sku) => item!["sku"]!.GetValue<string>() == sku;
}
