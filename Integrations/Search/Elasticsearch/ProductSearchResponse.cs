using Elastic.Clients.Elasticsearch;
using Shop.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>Reads the page of a <c>_search</c> answer: hits, total, and the category and price-band aggregations.</summary>
internal static class ProductSearchResponse
{
    /// <summary>The page of <paramref name="response"/>; facets are listed only where something matched.</summary>
    public static ProductPage Page(SearchResponse<ProductSearchDocument> response)
    {
        var categories = response.Aggregations?.GetStringTerms(ProductSearchRequest.CategoriesAggregation)?.Buckets
            .Select(b => new FacetCount(b.Key.ToString(), b.DocCount)) ?? [];
        var bands = response.Aggregations?.GetRange(ProductSearchRequest.PriceBandsAggregation)?.Buckets
            .Select(b => new FacetCount(b.Key ?? "", b.DocCount)) ?? [];
        return new ProductPage
        {
            Items = [.. response.Hits.Select(hit => hit.Source?.Product ?? throw new ElasticsearchException("A search hit has no stored product."))],
            Total = response.Total,
            Categories = [.. categories.Where(f => f.Count > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)],
            PriceBands = [.. bands.Where(f => f.Count > 0)],
        };
    }
}
