using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// The <c>_search</c> request of a <see cref="ProductQuery"/>: every word must match, with typos (fuzziness AUTO)
/// or as the start of a word being typed (bool_prefix); filters for published, category and price; the sort; the
/// page; and the category and price-band aggregations. User text is only ever the value of a multi_match query,
/// never query syntax.
/// </summary>
internal static class ProductSearchRequest
{
    /// <summary>Elasticsearch refuses from + size beyond this (index.max_result_window).</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Longest text looked at, as on Lucene.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The name of the category aggregation.</summary>
    public const string CategoriesAggregation = "categories";

    /// <summary>The name of the price-band aggregation.</summary>
    public const string PriceBandsAggregation = "price_bands";

    private static readonly Field[] SearchedFields = ["name^4", "category_text^2", "attributes^2", "description"];

    /// <summary>The request for <paramref name="query"/> on <paramref name="index"/>.</summary>
    public static SearchRequest For(string index, ProductQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, ProductQuery.MaxPageSize);
        var from = (long)(Math.Max(query.Page, 1) - 1) * pageSize;

        // Past the result window Elasticsearch refuses the request; the page is empty anyway, the facets still count.
        var beyond = from + pageSize > MaxResultWindow;
        return new SearchRequest(index)
        {
            From = beyond ? 0 : (int)from,
            Size = beyond ? 0 : pageSize,
            TrackTotalHits = new Elastic.Clients.Elasticsearch.Core.Search.TrackHits(true),
            Query = new Query { Bool = new BoolQuery { Must = [Text(query.Text)], Filter = Filters(query) } },
            Sort = Sort(query),
            Aggregations = Aggregations(),
        };
    }

    private static Query Text(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Query { MatchAll = new MatchAllQuery() };
        }

        var value = text.Length > MaxTextLength ? text[..MaxTextLength] : text;

        // Exact matches score highest by themselves; the prefix clause makes a half-typed last word count.
        return new Query
        {
            Bool = new BoolQuery
            {
                Should =
                [
                    new Query { MultiMatch = new MultiMatchQuery { Query = value, Fields = SearchedFields, Operator = Operator.And, Fuzziness = new Fuzziness("AUTO"), PrefixLength = 1 } },
                    new Query { MultiMatch = new MultiMatchQuery { Query = value, Fields = SearchedFields, Operator = Operator.And, Type = TextQueryType.BoolPrefix } },
                ],
                MinimumShouldMatch = 1,
            },
        };
    }

    private static List<Query> Filters(ProductQuery query)
    {
        var filters = new List<Query>();
        if (!query.IncludeUnpublished)
        {
            filters.Add(new Query { Term = new TermQuery("published", true) });
        }

        if (!string.IsNullOrEmpty(query.Category))
        {
            filters.Add(new Query { Term = new TermQuery("category", query.Category.ToLowerInvariant()) });
        }

        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            filters.Add(new Query { Range = new NumberRangeQuery("price") { Gte = query.MinPriceMinor, Lte = query.MaxPriceMinor } });
        }

        return filters;
    }

    private static List<SortOptions> Sort(ProductQuery query)
    {
        static SortOptions By(string field, SortOrder order) => new() { Field = new FieldSort(field) { Order = order } };
        var name = By(ProductIndexDefinition.NameSortField, SortOrder.Asc);
        var sku = By("sku", SortOrder.Asc);
        return query.Sort switch
        {
            ProductSort.PriceAscending => [By("price", SortOrder.Asc), name, sku],
            ProductSort.PriceDescending => [By("price", SortOrder.Desc), name, sku],
            ProductSort.Newest => [By("created_at", SortOrder.Desc), sku],
            ProductSort.Name => [name, sku],
            _ when string.IsNullOrWhiteSpace(query.Text) => [name, sku],
            _ => [new SortOptions { Score = new ScoreSort() }, name, sku],
        };
    }

    private static Dictionary<string, Aggregation> Aggregations() => new()
    {
        [CategoriesAggregation] = new Aggregation { Terms = new TermsAggregation { Field = "category", Size = 1_000 } },
        [PriceBandsAggregation] = new Aggregation
        {
            Range = new RangeAggregation
            {
                Field = "price",
                Ranges = [.. PriceBandRanges().Select(band => new AggregationRange { Key = band.Label, From = band.From, To = band.To })],
            },
        },
    };

    /// <summary>The bands of <see cref="PriceBands"/> as ranges (labels are <c>lower-upper</c> or <c>lower+</c>).</summary>
    public static IEnumerable<(string Label, long From, long? To)> PriceBandRanges() =>
        PriceBands.Labels.Select(label =>
        {
            var bounds = label.TrimEnd('+').Split('-');
            return (label, long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture),
                bounds.Length > 1 ? long.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) : (long?)null);
        });
}
