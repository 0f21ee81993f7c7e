using Shop.Catalog;
using Shop.Common;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// How the Elasticsearch index reads what Elasticsearch answers: recorded bodies in the shapes of Elasticsearch 8/9
/// (search hits with <c>_source</c>, aggregation buckets, bulk items, error bodies), served by the in-memory invoker.
/// </summary>
public sealed class ElasticsearchResponseTests
{
    [Fact]
    public async Task A_search_answer_gives_the_stored_products_the_total_and_the_facets()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_search", new(200, "search.json")));

        var page = await index.Search(new ProductQuery { Text = "headphones" });

        Assert.Equal(42, page.Total);
        Assert.Equal(["AUD-HP-7", "AUD-SP-2"], page.Items.Select(p => p.Sku));
        var headphones = page.Items[0];
        Assert.Equal("Wireless Headphones 7", headphones.Name);
        Assert.Equal(new Money(12_900, "EUR"), headphones.Price);
        Assert.Equal("black", headphones.Attributes["colour"]);
        Assert.Equal(["https://img.example/hp7.webp"], headphones.Images);
        Assert.Equal(4, headphones.Version);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), headphones.UpdatedAt);
        Assert.Equal([new FacetCount("audio", 30), new FacetCount("books", 6), new FacetCount("toys", 6)], page.Categories);
        Assert.Equal(
            [new FacetCount("0-2500", 11), new FacetCount("5000-10000", 9), new FacetCount("10000-25000", 20), new FacetCount("25000+", 2)],
            page.PriceBands);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_total_and_the_facets()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_search", new(200, "search-beyond-window.json")));

        var page = await index.Search(new ProductQuery { Category = "books", Page = 1_000_000, PageSize = 100 });

        Assert.Empty(page.Items);
        Assert.Equal(137, page.Total);
        Assert.Equal([new FacetCount("books", 137)], page.Categories);
        Assert.Equal([new FacetCount("0-2500", 137)], page.PriceBands);
    }

    [Fact]
    public async Task A_count_answer_is_the_number_of_documents()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_count", new(200, "count.json")));

        Assert.Equal(1_203, await index.Count());
    }

    [Fact]
    public async Task A_version_conflict_in_a_bulk_answer_means_a_newer_version_is_indexed_and_is_not_an_error()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_bulk", new(200, "bulk-version-conflict.json")));

        var upsert = index.Upsert([CatalogBuilder.Product("OLD-1", "Rusty Mug", version: 2), CatalogBuilder.Product("NEW-1", "New Mug")]);

        await upsert;
        Assert.True(upsert.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Any_other_failed_bulk_item_is_reported_with_its_id_and_error()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_bulk", new(200, "bulk-mapping-failure.json")));

        var error = await Assert.ThrowsAsync<ElasticsearchException>(
            () => index.Upsert([CatalogBuilder.Product("NEW-1", "New Mug"), CatalogBuilder.Product("BAD-1", "Bad Mug")]));

        Assert.Contains("BAD-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("strict_dynamic_mapping_exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_unknown_product_is_not_an_error()
    {
        var invoker = RecordedIndex.Existing().On("DELETE", "/products/_doc/GONE-1", new(404, "delete-not-found.json"));

        await RecordedIndex.Over(invoker).Remove("GONE-1");

        Assert.Single(invoker.To("DELETE", "/products/_doc/GONE-1"));
    }

    [Fact]
    public async Task A_rejected_request_is_reported_with_the_status_the_error_type_and_the_reason()
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_search", new(400, "bad-request.json")));

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => index.Search(new ProductQuery { Text = "kettle" }));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("x_content_parse_exception", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed to parse field [must]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "unauthorized.json")]
    [InlineData(403, "forbidden.json")]
    public async Task Refused_credentials_are_a_clear_error_naming_the_settings_to_check(int status, string fixture)
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_search", new(status, fixture)));

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => index.Search(new ProductQuery { Text = "kettle" }));

        Assert.Contains($"({status} security_exception)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Shop:Search:Elasticsearch:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, "too-many-requests.json")]
    [InlineData(503, "unavailable.json")]
    [InlineData(502, null)]
    [InlineData(504, null)]
    public async Task An_overloaded_or_unavailable_cluster_is_search_down(int status, string? fixture)
    {
        var index = RecordedIndex.Over(RecordedIndex.Existing().On("POST", "/products/_search", new(status, fixture)));

        var error = await Assert.ThrowsAsync<ShopException>(() => index.Search(new ProductQuery { Text = "kettle" }));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal("search.unavailable", error.Code);
    }

    [Fact]
    public async Task A_cluster_that_cannot_even_say_whether_the_index_exists_is_search_down()
    {
        var index = RecordedIndex.Over(new RecordingRequestInvoker().On("HEAD", "/products", new(503)));

        var error = await Assert.ThrowsAsync<ShopException>(() => index.Count());

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
    }
}
