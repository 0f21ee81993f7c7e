using System.Text;
using Shop.Catalog;
using Shop.Common;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// The production HTTP path of the Elasticsearch index (the transport's HTTP invoker with the resilience handler
/// before the socket), with recorded answers at the socket end: retries, outages, and the credentials sent.
/// </summary>
public sealed class ElasticsearchResilienceTests
{
    private static readonly RecordedAnswer IndexExists = new(200);

    [Fact]
    public async Task Answers_429_and_503_are_retried_until_Elasticsearch_answers()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(429, "too-many-requests.json"), new(503, "unavailable.json"), new(200, "count.json"));

        var count = await RecordedIndex.OverHttp(handler, RecordedIndex.Options(maxRetries: 3)).Count();

        Assert.Equal(1_203, count);
        Assert.Equal(["HEAD /products", "POST /products/_count", "POST /products/_count", "POST /products/_count"], handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_retried_bulk_resends_the_same_versions()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(503, "unavailable.json"), new(200, "bulk-created.json"));

        await RecordedIndex.OverHttp(handler).Upsert([CatalogBuilder.Product("KIT-1", "Kettle", version: 3)]);

        var bulks = handler.Requests.Where(r => r.Path == "/products/_bulk").ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal(bulks[0].Body, bulks[1].Body);
        Assert.Contains("\"version\":3,\"version_type\":\"external\"", bulks[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_still_unavailable_after_the_retries_is_search_down()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(503, "unavailable.json"));

        var error = await Assert.ThrowsAsync<ShopException>(
            () => RecordedIndex.OverHttp(handler, RecordedIndex.Options(maxRetries: 2)).Search(new ProductQuery { Text = "kettle" }));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal(3, handler.Requests.Count(r => r.Path == "/products/_search"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_is_search_down()
    {
        var handler = new RecordedHttpHandler(RecordedAnswer.Refused);

        var error = await Assert.ThrowsAsync<ShopException>(
            () => RecordedIndex.OverHttp(handler, RecordedIndex.Options(maxRetries: 2)).Search(new ProductQuery()));

        Assert.Equal("search.unavailable", error.Code);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Refused_credentials_are_not_retried()
    {
        var handler = new RecordedHttpHandler(new RecordedAnswer(401, "unauthorized.json"));

        await Assert.ThrowsAsync<ElasticsearchException>(() => RecordedIndex.OverHttp(handler, RecordedIndex.Options(maxRetries: 3)).Count());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_api_key_is_sent_as_the_ApiKey_authorization()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(200, "count.json"));
        var options = RecordedIndex.Options();
        options.ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

        await RecordedIndex.OverHttp(handler, options).Count();

        Assert.All(handler.Requests, r => Assert.Equal($"ApiKey {options.ApiKey}", r.Authorization));
    }

    [Fact]
    public async Task A_user_name_and_password_are_sent_as_basic_authorization()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(200, "count.json"));
        var options = RecordedIndex.Options();
        options.Username = "shop";
        options.Password = "s3cret:with-colon";

        await RecordedIndex.OverHttp(handler, options).Count();

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("shop:s3cret:with-colon"));
        Assert.All(handler.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    [Fact]
    public async Task Without_credentials_no_authorization_is_sent()
    {
        var handler = new RecordedHttpHandler(IndexExists, new(200, "count.json"));

        await RecordedIndex.OverHttp(handler).Count();

        Assert.All(handler.Requests, r => Assert.Null(r.Authorization));
    }
}
