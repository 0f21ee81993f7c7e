using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Catalog;
using Shop.Integrations.Search.Lucene;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// One index of <see cref="FakeElasticsearch"/>: applies external versions as Elasticsearch does (an equal or older
/// version is a 409 version conflict) and evaluates the query DSL the client sends by reading it back into a
/// <see cref="ProductQuery"/> run on an in-memory Lucene index, answering in Elasticsearch's response shape.
/// It checks the request's shape, not Elasticsearch's own scoring.
/// </summary>
public sealed class FakeElasticsearchIndex(string name) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly LuceneProductSearchIndex lucene = new(new LuceneSearchOptions { InMemory = true });
    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly List<ProductDetails> pending = [];

    /// <summary>How many documents it holds.</summary>
    public long Count => lucene.Count().GetAwaiter().GetResult();

    /// <summary>Indexes one bulk item with an external version; returns the item result.</summary>
    public JsonObject Index(JsonNode action, JsonNode document)
    {
        var id = action["_id"]!.GetValue<string>();
        var version = action["version"]!.GetValue<long>();
        lock (gate)
        {
            if (action["version_type"]?.GetValue<string>() != "external")
            {
                return Item(id, 400, FakeElasticsearch.Error("action_request_validation_exception", 400));
            }

            if (versions.TryGetValue(id, out var held) && held >= version)
            {
                return Item(id, 409, FakeElasticsearch.Error("version_conflict_engine_exception", 409));
            }

            pending.Add(document["product"].Deserialize<ProductDetails>(Json)!);
            versions[id] = version;
            return Item(id, 201, null);
        }
    }

    /// <summary>Makes the items of a bulk request searchable (a refresh).</summary>
    public void Refresh()
    {
        lock (gate)
        {
            lucene.Upsert([.. pending]).GetAwaiter().GetResult();
            pending.Clear();
        }
    }

    /// <summary>Deletes a document by id.</summary>
    public (int, JsonNode?) Delete(string id)
    {
        lock (gate)
        {
            var found = versions.Remove(id);
            lucene.Remove(id).GetAwaiter().GetResult();
            return (found ? 200 : 404, new JsonObject { ["_index"] = name, ["_id"] = id, ["result"] = found ? "deleted" : "not_found" });
        }
    }

    /// <summary>Runs a <c>_search</c> body.</summary>
    public JsonObject Search(JsonNode body)
    {
        var size = body["size"]!.GetValue<int>();
        var from = body["from"]!.GetValue<long>();
        var query = Query(body) with { Page = size == 0 ? 1 : (int)(from / size) + 1, PageSize = Math.Max(size, 1) };
        var page = lucene.Search(query).GetAwaiter().GetResult();
        var hits = size == 0 ? [] : page.Items;
        return new JsonObject
        {
            ["took"] = 1,
            ["timed_out"] = false,
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = page.Total, ["relation"] = "eq" },
                ["max_score"] = null,
                ["hits"] = new JsonArray([.. hits.Select(Hit)]),
            },
            ["aggregations"] = new JsonObject
            {
                ["categories"] = new JsonObject
                {
                    ["doc_count_error_upper_bound"] = 0,
                    ["sum_other_doc_count"] = 0,
                    ["buckets"] = new JsonArray([.. page.Categories.Select(c => new JsonObject { ["key"] = c.Value, ["doc_count"] = c.Count })]),
                },
                ["price_bands"] = new JsonObject { ["buckets"] = PriceBuckets(body, page) },
            },
        };
    }

    /// <inheritdoc />
    public void Dispose() => lucene.Dispose();

    private static ProductQuery Query(JsonNode body)
    {
        var boolQuery = body["query"]!["bool"]!;
        var text = boolQuery["must"]![0]!["bool"]?["should"]?[0]?["multi_match"]?["query"]?.GetValue<string>();
        var query = new ProductQuery { Text = text, IncludeUnpublished = true, Sort = Sort(body["sort"]!.AsArray()) };
        foreach (var filter in boolQuery["filter"]!.AsArray())
        {
            query = Filtered(query, filter!);
        }

        return query;
    }

    private static ProductQuery Filtered(ProductQuery query, JsonNode filter)
    {
        if (filter["term"]?["published"] is not null)
        {
            return query with { IncludeUnpublished = false };
        }

        if (filter["term"]?["category"] is { } category)
        {
            return query with { Category = category.GetValue<string>() };
        }

        var price = filter["range"]!["price"]!;
        return query with { MinPriceMinor = price["gte"]?.GetValue<long>(), MaxPriceMinor = price["lte"]?.GetValue<long>() };
    }

    private static ProductSort Sort(JsonArray sort) => sort[0] switch
    {
        JsonValue value when value.GetValue<string>() == "_score" => ProductSort.Relevance,
        JsonObject o when o["price"] is { } order => order.GetValue<string>() == "asc" ? ProductSort.PriceAscending : ProductSort.PriceDescending,
        JsonObject o when o["created_at"] is not null => ProductSort.Newest,
        _ => ProductSort.Name,
    };

    private static JsonArray PriceBuckets(JsonNode body, ProductPage page)
    {
        // Elasticsearch answers every requested range, empty ones with doc_count 0.
        var counts = page.PriceBands.ToDictionary(b => b.Value, b => b.Count);
        return new JsonArray([.. body["aggs"]!["price_bands"]!["range"]!["ranges"]!.AsArray().Select(range =>
        {
            var key = range!["key"]!.GetValue<string>();
            return new JsonObject { ["key"] = key, ["from"] = range["from"]!.GetValue<long>(), ["doc_count"] = counts.GetValueOrDefault(key) };
        })]);
    }

    private JsonObject Hit(ProductDetails product) => new()
    {
        ["_index"] = name,
        ["_id"] = product.Sku,
        ["_score"] = 1.0,
        ["_source"] = new JsonObject { ["sku"] = product.Sku, ["product"] = JsonSerializer.SerializeToNode(product, Json) },
    };

    private JsonObject Item(string id, int status, JsonObject? error)
    {
        var item = new JsonObject { ["_index"] = name, ["_id"] = id, ["status"] = status };
        if (error is not null)
        {
            item["error"] = error["error"]!.DeepClone();
        }
        else
        {
            item["result"] = "created";
        }

        return item;
    }
}
