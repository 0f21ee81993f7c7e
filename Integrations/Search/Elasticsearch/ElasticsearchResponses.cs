using System.Text.Json.Nodes;
using Shop.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>Reads the documented response shapes of <c>_bulk</c> and <c>_search</c>.</summary>
internal static class ElasticsearchResponses
{
    /// <summary>
    /// Throws when a bulk item failed for any reason but a version conflict: a conflict means the index holds the same
    /// or a newer version already, which is what latest-version-wins asks for.
    /// </summary>
    public static void EnsureBulkApplied(string body)
    {
        var response = JsonNode.Parse(body) ?? throw new ElasticsearchException("Elasticsearch _bulk answered with no body.");
        if (response["errors"]?.GetValue<bool>() != true)
        {
            return;
        }

        foreach (var item in response["items"]?.AsArray() ?? [])
        {
            var result = item?["index"];
            var type = result?["error"]?["type"]?.GetValue<string>();
            if (type is not null && type != "version_conflict_engine_exception")
            {
                throw new ElasticsearchException($"Elasticsearch could not index {result?["_id"]}: {type}: {result?["error"]?["reason"]}");
            }
        }
    }

    /// <summary>The page of a <c>_search</c> answer: hits, total, and the category and price-band aggregations.</summary>
    public static ProductPage Page(string body)
    {
        var response = JsonNode.Parse(body) ?? throw new ElasticsearchException("Elasticsearch _search answered with no body.");
        var hits = response["hits"];
        return new ProductPage
        {
            Items = [.. (hits?["hits"]?.AsArray() ?? []).Select(hit => ElasticsearchRequests.Product(hit!["_source"]!))],
            Total = hits?["total"]?["value"]?.GetValue<long>() ?? 0,
            Categories = [.. Buckets(response, "categories")
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)],
            PriceBands = [.. Buckets(response, "price_bands")],
        };
    }

    private static IEnumerable<FacetCount> Buckets(JsonNode response, string aggregation) =>
        (response["aggregations"]?[aggregation]?["buckets"]?.AsArray() ?? [])
            .Select(b => new FacetCount(b!["key"]!.GetValue<string>(), b["doc_count"]!.GetValue<long>()))
            .Where(f => f.Count > 0);
}
