using Shop.Grains.Catalog;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>The search scenarios on the embedded Lucene.Net index (in memory).</summary>
public sealed class LuceneProductSearchTests(LuceneCatalogFixture fixture) : ProductSearchScenarios, IClassFixture<LuceneCatalogFixture>, IDisposable
{
    private readonly List<LuceneProductSearchIndex> created = [];

    /// <inheritdoc />
    protected override SearchCatalog Catalog => fixture.Catalog;

    /// <inheritdoc />
    protected override Task<IProductSearchIndex> NewIndex()
    {
        var index = new LuceneProductSearchIndex(new LuceneSearchOptions { InMemory = true });
        created.Add(index);
        return Task.FromResult<IProductSearchIndex>(index);
    }

    /// <inheritdoc />
    public void Dispose() => created.ForEach(i => i.Dispose());
}
