using System.Collections.Concurrent;
using Lucene.Net.Search;
using Shop.Catalog;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// The pages of searches already answered by the current searcher, as Elasticsearch's request cache keeps them per
/// refresh. A page is only ever served to a search holding the very searcher that computed it, so any index write
/// (which refreshes the searcher) empties the cache, and no page is ever older than the index the search sees.
/// The cache is bounded: when full it starts over.
/// </summary>
internal sealed class SearchPageCache(int capacity)
{
    private Generation current = new(null);
    private long searched;

    /// <summary>How many searches ran against the index (not answered from the cache) so far.</summary>
    public long Searched => Interlocked.Read(ref searched);

    /// <summary>The page of <paramref name="query"/> on <paramref name="searcher"/>, from the cache or from <paramref name="search"/>.</summary>
    public ProductPage GetOrSearch(IndexSearcher searcher, ProductQuery query, Func<IndexSearcher, ProductQuery, ProductPage> search)
    {
        if (capacity <= 0)
        {
            return Search(searcher, query, search);
        }

        var generation = Volatile.Read(ref current);
        if (!ReferenceEquals(generation.Searcher, searcher))
        {
            // Another searcher: a newer one after a write, or rarely an older one a slow search still holds. Either
            // way the pages held were computed by a different searcher and must not answer this search.
            generation = new Generation(searcher);
            Volatile.Write(ref current, generation);
        }

        if (generation.Pages.TryGetValue(query, out var page))
        {
            return page;
        }

        page = Search(searcher, query, search);
        if (generation.Pages.Count >= capacity)
        {
            generation.Pages.Clear();
        }

        generation.Pages.TryAdd(query, page);
        return page;
    }

    private ProductPage Search(IndexSearcher searcher, ProductQuery query, Func<IndexSearcher, ProductQuery, ProductPage> search)
    {
        Interlocked.Increment(ref searched);
        return search(searcher, query);
    }

    private sealed class Generation(IndexSearcher? searcher)
    {
        public IndexSearcher? Searcher { get; } = searcher;

        public ConcurrentDictionary<ProductQuery, ProductPage> Pages { get; } = new();
    }
}
