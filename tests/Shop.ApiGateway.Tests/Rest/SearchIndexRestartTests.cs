using Shop.ApiGateway.Tests.Infrastructure;
using Shop.Catalog;
using Shop.Common;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>
/// The Development setup: an in-memory catalog and a Lucene index in a folder that outlives the process. These tests
/// use a folder of their own (every other test keeps its index in memory).
/// </summary>
public sealed class SearchIndexRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shop-search-restart-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task After_a_restart_on_an_in_memory_catalog_a_product_of_the_earlier_run_is_no_longer_found()
    {
        var word = "gone" + Guid.NewGuid().ToString("N")[..10];
        await using (var first = App())
        {
            using var client = new ShopClient(first.CreateClient());
            await first.Grains.GetGrain<IProductGrain>("OLD-" + word).Create(Draft($"Forgotten lamp {word}"));
            await FoundAsync(client, word, expected: 1);
        }

        await using var second = App();
        using var again = new ShopClient(second.CreateClient());

        var page = await again.JsonAsync(HttpMethod.Get, $"/v1/products?q={word}");
        var demo = await Eventually.Value(
            () => again.JsonAsync(HttpMethod.Get, "/v1/products?pageSize=1"),
            listing => listing["total"]!.GetValue<long>() > 0,
            because: "the demo catalog of this run in search");

        Assert.Equal(0, page["total"]!.GetValue<long>());
        Assert.NotEmpty(demo["items"]!.AsArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ShopApp App() => new(new Dictionary<string, string?>
    {
        ["Shop:Search:Lucene:InMemory"] = "false",
        ["Shop:Search:Lucene:Path"] = _folder,
    });

    private static ProductDraft Draft(string name) => new() { Name = name, Price = new Money(2500, "EUR"), Category = "lighting" };

    private static Task<System.Text.Json.Nodes.JsonNode> FoundAsync(ShopClient client, string word, long expected) =>
        Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/products?q={word}"),
            page => page["total"]!.GetValue<long>() == expected,
            because: $"{expected} match(es) for {word}");
}
