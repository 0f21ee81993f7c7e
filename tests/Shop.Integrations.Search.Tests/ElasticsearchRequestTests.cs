using System.Text.Json.Nodes;
using Shop.Catalog;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// What the Elasticsearch index sends, checked against the shapes the Elasticsearch REST API documents: the request
/// the official client serialises is captured by the transport's in-memory invoker and answered with recorded bodies.
/// </summary>
public sealed class ElasticsearchRequestTests
{
    private const string Search = "/products/_search";

    [Fact]
    public async Task A_missing_index_is_created_with_strict_mappings_and_the_folding_stemming_analyser()
    {
        var invoker = RecordedIndex.Missing().On("POST", "/products/_count", new(200, "count.json"));

        await RecordedIndex.Over(invoker).Count();

        Assert.Equal(["HEAD /products", "PUT /products", "POST /products/_count"], invoker.Requests.Select(r => $"{r.Method} {r.Path}"));
        var create = Json(invoker.To("PUT", "/products").Single());
        var analyzer = create["settings"]!["analysis"]!["analyzer"]!["product_text"]!;
        Assert.Equal("custom", analyzer["type"]!.GetValue<string>());
        Assert.Equal("standard", analyzer["tokenizer"]!.GetValue<string>());
        Assert.Equal(["lowercase", "asciifolding", "possessive_english", "minimal_english"], Strings(analyzer["filter"]));
        var filters = create["settings"]!["analysis"]!["filter"]!;
        Assert.Equal("stemmer", filters["minimal_english"]!["type"]!.GetValue<string>());
        Assert.Equal("minimal_english", filters["minimal_english"]!["language"]!.GetValue<string>());
        Assert.Equal("possessive_english", filters["possessive_english"]!["language"]!.GetValue<string>());
        Assert.Equal(["lowercase"], Strings(create["settings"]!["analysis"]!["normalizer"]!["sortable"]!["filter"]));
    }

    [Fact]
    public async Task The_mapping_is_strict_types_every_field_and_keeps_the_stored_product_out_of_the_index()
    {
        var invoker = RecordedIndex.Missing().On("POST", "/products/_count", new(200, "count.json"));

        await RecordedIndex.Over(invoker).Count();

        var mappings = Json(invoker.To("PUT", "/products").Single())["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var properties = mappings["properties"]!.AsObject();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["sku"] = "keyword",
                ["name"] = "text",
                ["description"] = "text",
                ["category"] = "keyword",
                ["category_text"] = "text",
                ["attributes"] = "text",
                ["price"] = "long",
                ["created_at"] = "date",
                ["published"] = "boolean",
                ["product"] = "object",
            },
            properties.ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>()));
        Assert.All(["name", "description", "category_text", "attributes"], field => Assert.Equal("product_text", properties[field]!["analyzer"]!.GetValue<string>()));
        Assert.Equal("sortable", properties["name"]!["fields"]!["sort"]!["normalizer"]!.GetValue<string>());
        Assert.False(properties["product"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_index_another_silo_created_meanwhile_is_used_as_it_is()
    {
        var invoker = RecordedIndex.Missing()
            .On("PUT", "/products", new(400, "index-already-exists.json"))
            .On("POST", "/products/_count", new(200, "count.json"));

        var count = await RecordedIndex.Over(invoker).Count();

        Assert.Equal(1_203, count);
    }

    [Fact]
    public async Task An_upsert_is_one_bulk_of_index_actions_with_external_versions_that_waits_for_the_refresh()
    {
        var invoker = RecordedIndex.Existing().On("POST", "/products/_bulk", new(200, "bulk-created.json"));
        var kettle = CatalogBuilder.Product("KIT-1", "Café Kettle", "Home-Office", 4_999, attributes: new Dictionary<string, string> { ["colour"] = "red" }, version: 3);
        var toaster = CatalogBuilder.Product("KIT-2", "Toaster", "kitchen", published: false);

        await RecordedIndex.Over(invoker).Upsert([kettle, toaster]);

        var bulk = invoker.To("POST", "/products/_bulk").Single();
        Assert.Equal("/products/_bulk?refresh=wait_for", bulk.PathAndQuery);
        var lines = bulk.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.True(bulk.Body.EndsWith('\n'), "NDJSON ends with a newline");
        AssertIndexAction(lines[0], "KIT-1", 3);
        AssertIndexAction(lines[2], "KIT-2", 1);
        var document = lines[1];
        Assert.Equal("KIT-1", document["sku"]!.GetValue<string>());
        Assert.Equal("Café Kettle", document["name"]!.GetValue<string>());
        Assert.Equal("home-office", document["category"]!.GetValue<string>());
        Assert.Equal("Home Office", document["category_text"]!.GetValue<string>());
        Assert.Equal("red", document["attributes"]!.GetValue<string>());
        Assert.Equal(4_999, document["price"]!.GetValue<long>());
        Assert.True(document["published"]!.GetValue<bool>());
        Assert.Equal(kettle.CreatedAt, DateTimeOffset.Parse(document["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, document["product"]!["version"]!.GetValue<long>());
        Assert.False(lines[3]["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_empty_upsert_sends_nothing()
    {
        var invoker = RecordedIndex.Existing();

        await RecordedIndex.Over(invoker).Upsert([]);

        Assert.Empty(invoker.Requests);
    }

    [Fact]
    public async Task A_removal_deletes_the_document_by_its_escaped_id_and_waits_for_the_refresh()
    {
        var invoker = RecordedIndex.Existing().On("DELETE", "/products/_doc/DEL%2F1", new(200, "deleted.json"));

        await RecordedIndex.Over(invoker).Remove("DEL/1");

        Assert.Equal("/products/_doc/DEL%2F1?refresh=wait_for", invoker.To("DELETE", "/products/_doc/DEL%2F1").Single().PathAndQuery);
    }

    [Fact]
    public async Task A_rebuild_drops_the_index_recreates_it_and_bulk_loads_in_batches_of_a_thousand()
    {
        var invoker = RecordedIndex.Missing()
            .On("DELETE", "/products", new(404, "index-not-found.json"))
            .On("POST", "/products/_bulk", new(200, "bulk-created.json"));
        var products = new CatalogBuilder().WithGenerated(2_500).Build();

        await RecordedIndex.Over(invoker).Rebuild([.. products]);

        Assert.Equal("DELETE /products", $"{invoker.Requests[0].Method} {invoker.Requests[0].Path}");
        Assert.Single(invoker.To("PUT", "/products"));
        var batches = invoker.To("POST", "/products/_bulk").Select(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length / 2).ToList();
        Assert.Equal([1_000, 1_000, products.Count - 2_000], batches);
    }

    [Fact]
    public async Task A_text_search_is_a_multi_match_on_the_weighted_fields_with_fuzziness_auto_and_a_bool_prefix_clause()
    {
        var body = await SearchBody(new ProductQuery { Text = "wireles headph" });

        var should = body["query"]!["bool"]!["must"]!["bool"]!["should"]!.AsArray();
        Assert.Equal(1, body["query"]!["bool"]!["must"]!["bool"]!["minimum_should_match"]!.GetValue<int>());
        var fuzzy = should[0]!["multi_match"]!;
        Assert.Equal("wireles headph", fuzzy["query"]!.GetValue<string>());
        Assert.Equal(["name^4", "category_text^2", "attributes^2", "description"], Strings(fuzzy["fields"]));
        Assert.Equal("and", fuzzy["operator"]!.GetValue<string>());
        Assert.Equal("AUTO", fuzzy["fuzziness"]!.GetValue<string>());
        Assert.Equal(1, fuzzy["prefix_length"]!.GetValue<int>());
        var prefix = should[1]!["multi_match"]!;
        Assert.Equal("bool_prefix", prefix["type"]!.GetValue<string>());
        Assert.Equal("and", prefix["operator"]!.GetValue<string>());
        Assert.Equal(Strings(fuzzy["fields"]), Strings(prefix["fields"]));
    }

    [Fact]
    public async Task Without_text_every_product_matches()
    {
        var body = await SearchBody(new ProductQuery { Text = "   " });

        Assert.NotNull(body["query"]!["bool"]!["must"]!["match_all"]);
    }

    [Theory]
    [InlineData("name:foo AND (bar")]
    [InlineData("head~2 \"unclosed *")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Hostile_text_is_only_ever_the_value_of_the_multi_match(string text)
    {
        var body = await SearchBody(new ProductQuery { Text = text });

        var should = body["query"]!["bool"]!["must"]!["bool"]!["should"]!.AsArray();
        Assert.All(should, clause => Assert.Equal(text, clause!["multi_match"]!["query"]!.GetValue<string>()));
        Assert.DoesNotContain("query_string", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_text_is_cut_to_two_hundred_characters()
    {
        var body = await SearchBody(new ProductQuery { Text = new string('a', 5_000) });

        var query = body["query"]!["bool"]!["must"]!["bool"]!["should"]![0]!["multi_match"]!["query"]!.GetValue<string>();
        Assert.Equal(200, query.Length);
    }

    [Fact]
    public async Task Shoppers_search_published_products_of_the_category_within_the_price_range()
    {
        var body = await SearchBody(new ProductQuery { Category = "Audio", MinPriceMinor = 2_500, MaxPriceMinor = 9_999 });

        var filter = Clauses(body["query"]!["bool"]!["filter"]);
        Assert.Equal(3, filter.Count);
        Assert.True(filter[0]!["term"]!["published"]!["value"]!.GetValue<bool>());
        Assert.Equal("audio", filter[1]!["term"]!["category"]!["value"]!.GetValue<string>());
        Assert.Equal(2_500, filter[2]!["range"]!["price"]!["gte"]!.GetValue<double>());
        Assert.Equal(9_999, filter[2]!["range"]!["price"]!["lte"]!.GetValue<double>());
    }

    [Fact]
    public async Task Admins_search_unpublished_products_too_and_an_open_range_has_one_bound()
    {
        var body = await SearchBody(new ProductQuery { IncludeUnpublished = true, MaxPriceMinor = 4_999 });

        var range = Assert.Single(Clauses(body["query"]!["bool"]!["filter"]))["range"]!["price"]!.AsObject();
        Assert.Equal(["lte"], range.Select(p => p.Key));
    }

    [Fact]
    public async Task The_facets_are_a_terms_aggregation_on_category_and_a_range_aggregation_per_price_band()
    {
        var body = await SearchBody(new ProductQuery());

        var categories = body["aggregations"]!["categories"]!["terms"]!;
        Assert.Equal("category", categories["field"]!.GetValue<string>());
        Assert.Equal(1_000, categories["size"]!.GetValue<int>());
        var range = body["aggregations"]!["price_bands"]!["range"]!;
        Assert.Equal("price", range["field"]!.GetValue<string>());
        var ranges = range["ranges"]!.AsArray();
        Assert.Equal(PriceBands.Labels, ranges.Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal([0, 2_500, 5_000, 10_000, 25_000], ranges.Select(r => r!["from"]!.GetValue<double>()));
        Assert.Equal([2_500, 5_000, 10_000, 25_000], ranges.Take(4).Select(r => r!["to"]!.GetValue<double>()));
        Assert.Null(ranges[^1]!["to"]);
    }

    [Fact]
    public async Task A_page_is_from_and_size_with_the_exact_total_asked_for()
    {
        var body = await SearchBody(new ProductQuery { Page = 3, PageSize = 7 });

        Assert.Equal(14, body["from"]!.GetValue<int>());
        Assert.Equal(7, body["size"]!.GetValue<int>());
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_page_past_the_result_window_asks_for_no_hits_but_still_for_the_total_and_facets()
    {
        var body = await SearchBody(new ProductQuery { Page = 1_000_000, PageSize = 100 });

        Assert.Equal(0, body["from"]!.GetValue<int>());
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.NotNull(body["aggregations"]);
    }

    [Theory]
    [InlineData(ProductSort.PriceAscending, null, "price:asc name.sort:asc sku:asc")]
    [InlineData(ProductSort.PriceDescending, null, "price:desc name.sort:asc sku:asc")]
    [InlineData(ProductSort.Newest, null, "created_at:desc sku:asc")]
    [InlineData(ProductSort.Name, "kettle", "name.sort:asc sku:asc")]
    [InlineData(ProductSort.Relevance, "kettle", "_score name.sort:asc sku:asc")]
    [InlineData(ProductSort.Relevance, null, "name.sort:asc sku:asc")]
    public async Task Each_sort_ends_on_a_unique_key_so_pages_never_overlap(ProductSort sort, string? text, string expected)
    {
        var body = await SearchBody(new ProductQuery { Sort = sort, Text = text });

        var sorts = body["sort"]!.AsArray().Select(s => s!.AsObject().Single()).Select(s => s.Key == "_score" ? s.Key : $"{s.Key}:{s.Value!["order"]!.GetValue<string>()}");
        Assert.Equal(expected, string.Join(' ', sorts));
    }

    private static async Task<JsonNode> SearchBody(ProductQuery query)
    {
        var invoker = RecordedIndex.Existing().On("POST", Search, new(200, "search.json"));

        await RecordedIndex.Over(invoker).Search(query);

        var request = invoker.To("POST", Search).Single();
        Assert.Equal($"{Search}?typed_keys=true", request.PathAndQuery);
        return Json(request);
    }

    private static void AssertIndexAction(JsonNode line, string sku, long version)
    {
        var action = line["index"]!;
        Assert.Equal(sku, action["_id"]!.GetValue<string>());
        Assert.Equal(version, action["version"]!.GetValue<long>());
        Assert.Equal("external", action["version_type"]!.GetValue<string>());
    }

    // A bool clause list is an array, or the clause itself when there is one (both are the documented syntax).
    private static List<JsonNode> Clauses(JsonNode? clauses) => clauses is JsonArray array ? [.. array.Select(c => c!)] : [clauses!];

    private static JsonNode Json(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
