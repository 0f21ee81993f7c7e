using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>A <see cref="FakeElasticsearch"/> with an index loaded with the generated catalog, once per test class.</summary>
public sealed class FakeElasticsearchFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The server.</summary>
    public FakeElasticsearch Server { get; private set; } = null!;

    /// <summary>Index clients on the server.</summary>
    public ElasticsearchIndexes Indexes { get; private set; } = null!;

    /// <summary>The loaded catalog.</summary>
    public SearchCatalog Catalog { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await FakeElasticsearch.Start();
        Indexes = new ElasticsearchIndexes(Server.Url);
        Catalog = await CatalogLoader.Load(Indexes.Create());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Indexes.DeleteAll();
        await Server.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose() => Indexes?.Dispose();
}
