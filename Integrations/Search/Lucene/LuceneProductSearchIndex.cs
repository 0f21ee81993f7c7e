using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Shop.Catalog;
using Shop.Grains.Catalog;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// The embedded <see cref="IProductSearchIndex"/> on Lucene.Net, in a local folder or in memory. Writes are
/// serialised (so latest-version-wins checks and updates are atomic) and committed per batch; searches go through a
/// <see cref="SearcherManager"/> refreshed after each batch, so a search never waits for a writer nor sees half a batch.
/// </summary>
public sealed class LuceneProductSearchIndex : IProductSearchIndex, IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly ProductAnalyzer analyzer = new();
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly ProductQueryBuilder queries;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    // SKU to indexed version, so an older change is skipped without a search per write.
    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) the index that <paramref name="options"/> name.</summary>
    public LuceneProductSearchIndex(LuceneSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FuzzyAutomata = new FuzzyAutomataCache(options.FuzzyAutomataCacheSize);
        Pages = new SearchPageCache(options.SearchPageCacheSize);
        directory = options.InMemory ? new RAMDirectory() : FSDirectory.Open(System.IO.Directory.CreateDirectory(options.Path));
        writer = new IndexWriter(directory, new IndexWriterConfig(ProductAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        searchers = new SearcherManager(writer, applyAllDeletes: true, new SearcherFactory());
        queries = new ProductQueryBuilder(analyzer, FuzzyAutomata);
        LoadVersions();
    }

    /// <summary>The typo-tolerance automata shared by this index's searches.</summary>
    internal FuzzyAutomataCache FuzzyAutomata { get; }

    /// <summary>The pages of searches already answered by the current searcher.</summary>
    internal SearchPageCache Pages { get; }

    /// <inheritdoc />
    public async Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        await Write(() =>
        {
            foreach (var product in products)
            {
                if (versions.TryGetValue(product.Sku, out var held) && held >= product.Version)
                {
                    continue;
                }

                writer.UpdateDocument(new Term(ProductFields.Sku, product.Sku), ProductDocument.From(product));
                versions[product.Sku] = product.Version;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task Remove(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return Write(() =>
        {
            writer.DeleteDocuments(new Term(ProductFields.Sku, sku));
            versions.Remove(sku);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        return Write(() =>
        {
            writer.DeleteAll();
            versions.Clear();
            foreach (var product in products.GroupBy(p => p.Sku, StringComparer.Ordinal).Select(g => g.MaxBy(p => p.Version)!))
            {
                writer.AddDocument(ProductDocument.From(product));
                versions[product.Sku] = product.Version;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> Count(CancellationToken cancellationToken = default) => Task.FromResult(WithSearcher(s => (long)s.IndexReader.NumDocs));

    /// <inheritdoc />
    public Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(WithSearcher(searcher => Pages.GetOrSearch(searcher, query, Search)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
        writeGate.Dispose();
    }

    private ProductPage Search(IndexSearcher searcher, ProductQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, ProductQuery.MaxPageSize);
        var start = (long)(Math.Max(query.Page, 1) - 1) * pageSize;

        // Never ask for more hits than the index holds: a hostile page number must not allocate a huge queue.
        var wanted = (int)Math.Min(start + pageSize, Math.Max(searcher.IndexReader.MaxDoc, 1));
        var top = TopFieldCollector.Create(ProductQueryBuilder.Sort(query), wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCollector();
        searcher.Search(queries.Text(query.Text), ProductQueryBuilder.Filter(query), MultiCollector.Wrap(top, facets));

        var hits = start >= wanted ? [] : top.GetTopDocs((int)start, pageSize).ScoreDocs;
        return new ProductPage
        {
            Items = [.. hits.Select(hit => ProductDocument.ToProduct(searcher.Doc(hit.Doc)))],
            Total = top.TotalHits,
            Categories = facets.Categories(),
            PriceBands = facets.PriceBandCounts(),
        };
    }

    private async Task Write(Action change, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            change();
            writer.Commit();
        }
        finally
        {
            writeGate.Release();
        }

        // Outside the gate: the next writer goes on while the searcher reopens.
        searchers.MaybeRefreshBlocking();
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var searcher = searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void LoadVersions()
    {
        WithSearcher(searcher =>
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                LoadVersions(leaf.AtomicReader);
            }

            return 0;
        });
    }

    private void LoadVersions(AtomicReader reader)
    {
        var skus = reader.GetSortedDocValues(ProductFields.SkuValue);
        var held = reader.GetNumericDocValues(ProductFields.Version);
        if (skus is null || held is null)
        {
            return;
        }

        var live = reader.LiveDocs;
        var scratch = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                skus.Get(doc, scratch);
                versions[scratch.Utf8ToString()] = held.Get(doc);
            }
        }
    }
}
