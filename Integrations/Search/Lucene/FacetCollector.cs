using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// Counts every match per category and per price band (the bands of <see cref="PriceBands"/>) from doc values, so
/// the facets cover all matches and not only the page.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, long> categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> bands = new(StringComparer.Ordinal);
    private readonly BytesRef scratch = new();
    private SortedDocValues? categoryValues;
    private NumericDocValues? priceValues;

    /// <inheritdoc />
    public bool AcceptsDocsOutOfOrder => true;

    /// <inheritdoc />
    public void SetScorer(Scorer scorer)
    {
    }

    /// <inheritdoc />
    public void SetNextReader(AtomicReaderContext context)
    {
        categoryValues = context.AtomicReader.GetSortedDocValues(ProductFields.CategoryFacet);
        priceValues = context.AtomicReader.GetNumericDocValues(ProductFields.PriceValue);
    }

    /// <inheritdoc />
    public void Collect(int doc)
    {
        if (categoryValues is not null)
        {
            categoryValues.Get(doc, scratch);
            Increment(categories, scratch.Utf8ToString());
        }

        if (priceValues is not null)
        {
            Increment(bands, PriceBands.For(priceValues.Get(doc)));
        }
    }

    /// <summary>Categories by count, then by name.</summary>
    public IReadOnlyList<FacetCount> Categories() =>
        [.. categories.Select(c => new FacetCount(c.Key, c.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];

    /// <summary>Price bands cheapest first, only those with matches.</summary>
    public IReadOnlyList<FacetCount> PriceBandCounts() =>
        [.. PriceBands.Labels.Where(bands.ContainsKey).Select(label => new FacetCount(label, bands[label]))];

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
