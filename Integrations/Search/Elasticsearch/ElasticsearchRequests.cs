using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// Builds the request bodies of the documented Elasticsearch REST API: the index settings and mappings, the
/// <c>_bulk</c> NDJSON and the <c>_search</c> body (text with fuzziness AUTO and as-you-type prefixes, filters,
/// sorts, paging, facet aggregations). User text is only ever a value of a match query, never query syntax.
/// </summary>
internal static class ElasticsearchRequests
{
    /// <summary>Elasticsearch refuses from + size beyond this (index.max_result_window).</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Longest text looked at, as on Lucene.</summary>
    public const int MaxTextLength = 200;

    private static readonly string[] SearchedFields = ["name^4", "category_text^2", "attributes^2", "description"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The settings and mappings: the analyser folds case and accents and stems plurals lightly.</summary>
    public static string CreateIndex() => new JsonObject
    {
        ["settings"] = new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["analyzer"] = new JsonObject
                {
                    ["product_text"] = new JsonObject
                    {
                        ["type"] = "custom",
                        ["tokenizer"] = "standard",
                        ["filter"] = new JsonArray("lowercase", "asciifolding", "possessive_english", "minimal_english"),
                    },
                },
                ["filter"] = new JsonObject
                {
                    ["possessive_english"] = new JsonObject { ["type"] = "stemmer", ["language"] = "possessive_english" },
                    ["minimal_english"] = new JsonObject { ["type"] = "stemmer", ["language"] = "minimal_english" },
                },
                ["normalizer"] = new JsonObject
                {
                    ["sortable"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase") },
                },
            },
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["sku"] = Type("keyword"),
                ["name"] = new JsonObject
                {
                    ["type"] = "text",
                    ["analyzer"] = "product_text",
                    ["fields"] = new JsonObject { ["sort"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "sortable" } },
                },
                ["description"] = Text(),
                ["category"] = Type("keyword"),
                ["category_text"] = Text(),
                ["attributes"] = Text(),
                ["price"] = Type("long"),
                ["created_at"] = Type("date"),
                ["published"] = Type("boolean"),
                ["product"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            },
        },
    }.ToJsonString();

    /// <summary>The <c>_bulk</c> body indexing <paramref name="products"/> with external versions (latest wins).</summary>
    public static string Bulk(string index, IEnumerable<ProductDetails> products)
    {
        var body = new StringBuilder();
        foreach (var product in products)
        {
            var action = new JsonObject
            {
                ["index"] = new JsonObject
                {
                    ["_index"] = index,
                    ["_id"] = product.Sku,
                    ["version"] = product.Version,
                    ["version_type"] = "external",
                },
            };
            body.Append(action.ToJsonString()).Append('\n');
            body.Append(Document(product).ToJsonString()).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>The indexed document: searchable fields plus the product itself (not indexed) to answer with.</summary>
    public static JsonObject Document(ProductDetails product) => new()
    {
        ["sku"] = product.Sku,
        ["name"] = product.Name,
        ["description"] = product.Description,
        ["category"] = product.Category.ToLowerInvariant(),
        ["category_text"] = product.Category.Replace('-', ' '),
        ["attributes"] = string.Join(" | ", product.Attributes.Values),
        ["price"] = product.Price.AmountMinor,
        ["created_at"] = product.CreatedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["published"] = product.Published,
        ["product"] = JsonSerializer.SerializeToNode(product, Json),
    };

    /// <summary>The product stored in a hit's <c>_source</c>.</summary>
    public static ProductDetails Product(JsonNode source) =>
        source["product"].Deserialize<ProductDetails>(Json) ?? throw new InvalidOperationException("A search hit has no stored product.");

    /// <summary>The <c>_search</c> body of <paramref name="query"/>.</summary>
    public static string Search(ProductQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, ProductQuery.MaxPageSize);
        var from = (long)(Math.Max(query.Page, 1) - 1) * pageSize;

        // Past the result window Elasticsearch refuses the request; the page is empty anyway, the facets still count.
        var beyond = from + pageSize > MaxResultWindow;
        return new JsonObject
        {
            ["from"] = beyond ? 0 : from,
            ["size"] = beyond ? 0 : pageSize,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject { ["must"] = new JsonArray(TextQuery(query.Text)), ["filter"] = Filters(query) },
            },
            ["sort"] = Sort(query),
            ["aggs"] = Aggregations(),
        }.ToJsonString();
    }

    private static JsonObject TextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject { ["match_all"] = new JsonObject() };
        }

        var value = text.Length > MaxTextLength ? text[..MaxTextLength] : text;

        // Every word must match (operator and); a word may carry typos (fuzziness AUTO) or be the start of a word
        // being typed (bool_prefix). Exact matches score highest by themselves.
        return new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(
                    MultiMatch(value, new JsonObject { ["fuzziness"] = "AUTO", ["prefix_length"] = 1 }),
                    MultiMatch(value, new JsonObject { ["type"] = "bool_prefix" })),
                ["minimum_should_match"] = 1,
            },
        };
    }

    private static JsonObject MultiMatch(string text, JsonObject extra)
    {
        var match = new JsonObject
        {
            ["query"] = text,
            ["fields"] = new JsonArray([.. SearchedFields.Select(f => JsonValue.Create(f))]),
            ["operator"] = "and",
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            match[key] = value;
        }

        return new JsonObject { ["multi_match"] = match };
    }

    private static JsonArray Filters(ProductQuery query)
    {
        var filters = new JsonArray();
        if (!query.IncludeUnpublished)
        {
            filters.Add(Term("published", true));
        }

        if (!string.IsNullOrEmpty(query.Category))
        {
            filters.Add(Term("category", query.Category.ToLowerInvariant()));
        }

        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            var range = new JsonObject();
            if (query.MinPriceMinor is { } min)
            {
                range["gte"] = min;
            }

            if (query.MaxPriceMinor is { } max)
            {
                range["lte"] = max;
            }

            filters.Add(new JsonObject { ["range"] = new JsonObject { ["price"] = range } });
        }

        return filters;
    }

    private static JsonArray Sort(ProductQuery query)
    {
        JsonNode By(string field, string order) => new JsonObject { [field] = order };
        var name = By("name.sort", "asc");
        var sku = By("sku", "asc");
        return query.Sort switch
        {
            ProductSort.PriceAscending => [By("price", "asc"), name, sku],
            ProductSort.PriceDescending => [By("price", "desc"), name, sku],
            ProductSort.Newest => [By("created_at", "desc"), sku],
            ProductSort.Name => [name, sku],
            _ when string.IsNullOrWhiteSpace(query.Text) => [name, sku],
            _ => ["_score", name, sku],
        };
    }

    private static JsonObject Aggregations()
    {
        var ranges = new JsonArray();
        foreach (var (label, from, to) in PriceBandRanges())
        {
            var range = new JsonObject { ["key"] = label, ["from"] = from };
            if (to is not null)
            {
                range["to"] = to;
            }

            ranges.Add(range);
        }

        return new JsonObject
        {
            ["categories"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "category", ["size"] = 1_000 } },
            ["price_bands"] = new JsonObject { ["range"] = new JsonObject { ["field"] = "price", ["ranges"] = ranges } },
        };
    }

    /// <summary>The bands of <see cref="PriceBands"/> as ranges (labels are <c>lower-upper</c> or <c>lower+</c>).</summary>
    public static IEnumerable<(string Label, long From, long? To)> PriceBandRanges() =>
        PriceBands.Labels.Select(label =>
        {
            var bounds = label.TrimEnd('+').Split('-');
            return (label, long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture),
                bounds.Length > 1 ? long.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) : (long?)null);
        });

    private static JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Text() => new() { ["type"] = "text", ["analyzer"] = "product_text" };
}
