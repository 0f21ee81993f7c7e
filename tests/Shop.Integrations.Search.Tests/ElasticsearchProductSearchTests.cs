using Shop.Grains.Catalog;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// The search scenarios on the Elasticsearch index against a local server answering in Elasticsearch's documented
/// shapes, plus what only this index does: the mapping it creates, the request it sends, its retries.
/// </summary>
public sealed class ElasticsearchProductSearchTests(FakeElasticsearchFixture fixture) : ProductSearchScenarios, IClassFixture<FakeElasticsearchFixture>
{
    /// <inheritdoc />
    protected override SearchCatalog Catalog => fixture.Catalog;

    /// <inheritdoc />
    protected override Task<IProductSearchIndex> NewIndex() => Task.FromResult<IProductSearchIndex>(fixture.Indexes.Create());

    [Fact]
    public async Task The_index_is_created_with_mappings_and_the_folding_stemming_analyser()
    {
        await (await NewIndex()).Count();

        var create = fixture.Server.Requests.Last(r => r.Method == "PUT");
        Assert.Contains("\"asciifolding\"", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"minimal_english\"", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"price\":{\"type\":\"long\"}", create.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_asks_for_fuzziness_auto_prefixes_and_the_facet_aggregations()
    {
        await Catalog.Index.Search(new Catalog.ProductQuery { Text = "headphnes" });

        var search = fixture.Server.Requests.Last(r => r.PathAndQuery.EndsWith("/_search", StringComparison.Ordinal));
        Assert.Contains("\"fuzziness\":\"AUTO\"", search.Body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"bool_prefix\"", search.Body, StringComparison.Ordinal);
        Assert.Contains("\"categories\":{\"terms\"", search.Body, StringComparison.Ordinal);
        var lastBand = System.Text.Json.Nodes.JsonNode.Parse(search.Body)!["aggs"]!["price_bands"]!["range"]!["ranges"]!.AsArray()[^1]!;
        Assert.Equal("25000+", lastBand["key"]!.GetValue<string>());
        Assert.Null(lastBand["to"]);
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_server_answers()
    {
        var index = fixture.Indexes.Create(maxRetries: 3);
        await index.Count();
        var before = fixture.Server.Requests.Count;

        fixture.Server.FailNext(2);
        var count = await index.Count();

        Assert.Equal(0, count);
        Assert.Equal(3, fixture.Server.Requests.Count - before);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_is_reported()
    {
        var index = fixture.Indexes.Create(maxRetries: 1);
        await index.Count();

        fixture.Server.FailNext(2);

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => index.Count());
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }
}
