using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>An in-memory Lucene index loaded with the generated catalog, once per test class.</summary>
public sealed class LuceneCatalogFixture : IAsyncLifetime, IDisposable
{
    private readonly LuceneProductSearchIndex index = new(new LuceneSearchOptions { InMemory = true });

    /// <summary>The loaded catalog.</summary>
    public SearchCatalog Catalog { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Catalog = await CatalogLoader.Load(index);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => index.Dispose();
}
