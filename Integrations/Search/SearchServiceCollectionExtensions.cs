using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Lucene;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Integrations.Search;

/// <summary>Registers the <see cref="IProductSearchIndex"/> that <c>Shop:Search:Provider</c> selects.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds the configured index, the only <see cref="IProductSearchIndex"/> registration; an unknown provider stops the
    /// start with a message naming <c>Shop:Search:Provider</c>, and bad provider settings fail validation at start.
    /// </summary>
    public static IServiceCollection AddShopProductSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        switch (ShopOptions.Read<SearchOptions>(configuration, SearchOptions.Section).Provider)
        {
            case SearchProvider.Lucene:
                AddLucene(services, configuration);
                break;
            case SearchProvider.Elasticsearch:
                AddElasticsearch(services, configuration);
                break;
            default:
                throw new OptionsValidationException(
                    SearchOptions.Section, typeof(SearchOptions), [$"Setting {SearchOptions.Section}:Provider must be Lucene or Elasticsearch."]);
        }

        return services;
    }

    private static void AddElasticsearch(IServiceCollection services, IConfiguration configuration)
    {
        services.AddShopOptions<ElasticsearchOptions>(configuration, ElasticsearchOptions.Section);
        services.AddLogging();

        // One client for the silo's life: the transport pools connections and re-resolves DNS itself.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
            return ElasticsearchConnection.Client(options, ElasticsearchConnection.Http(options));
        });
        services.AddSingleton(sp => new ElasticsearchProductSearchIndex(
            sp.GetRequiredService<ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value,
            sp.GetRequiredService<ILogger<ElasticsearchProductSearchIndex>>()));
        services.AddSingleton<IProductSearchIndex>(sp => sp.GetRequiredService<ElasticsearchProductSearchIndex>());
    }

    private static void AddLucene(IServiceCollection services, IConfiguration configuration)
    {
        services.AddShopOptions<LuceneSearchOptions>(configuration, LuceneSearchOptions.Section);
        services.AddSingleton(sp => new LuceneProductSearchIndex(sp.GetRequiredService<IOptions<LuceneSearchOptions>>().Value));
        services.AddSingleton<IProductSearchIndex>(sp => sp.GetRequiredService<LuceneProductSearchIndex>());
    }
}
