using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// The generated catalog on a real Elasticsearch named by <c>SHOP_TEST_ELASTICSEARCH_URL</c>; without it every
/// scenario is skipped with that reason (never reported as passed).
/// </summary>
public sealed class ElasticsearchLiveCatalogFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable naming the server.</summary>
    public const string Variable = "SHOP_TEST_ELASTICSEARCH_URL";

    private static readonly string? Url = Environment.GetEnvironmentVariable(Variable);
    private SearchCatalog? catalog;
    private ElasticsearchIndexes? indexes;

    /// <summary>The loaded catalog; skips the test when no server is configured.</summary>
    public SearchCatalog Catalog => Ready(catalog);

    /// <summary>Index clients on the server; skips the test when no server is configured.</summary>
    public ElasticsearchIndexes Indexes => Ready(indexes);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            return;
        }

        indexes = new ElasticsearchIndexes(new Uri(Url));
        catalog = await CatalogLoader.Load(indexes.Create());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (indexes is not null)
        {
            await indexes.DeleteAll();
        }
    }

    /// <inheritdoc />
    public void Dispose() => indexes?.Dispose();

    private static T Ready<T>(T? value)
        where T : class
    {
        Skip.If(value is null, $"{Variable} is not set: no Elasticsearch server to run against.");
        return value!;
    }
}
