using Shop.Grains.Catalog;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>The search scenarios on a real Elasticsearch, when <c>SHOP_TEST_ELASTICSEARCH_URL</c> names one.</summary>
public sealed class ElasticsearchLiveProductSearchTests(ElasticsearchLiveCatalogFixture fixture)
    : ProductSearchScenarios, IClassFixture<ElasticsearchLiveCatalogFixture>
{
    /// <inheritdoc />
    protected override SearchCatalog Catalog => fixture.Catalog;

    /// <inheritdoc />
    protected override Task<IProductSearchIndex> NewIndex() => Task.FromResult<IProductSearchIndex>(fixture.Indexes.Create());
}
