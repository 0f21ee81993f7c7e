using Elastic.Clients.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Lucene;

namespace Shop.Integrations.Search;

/// <summary>Registers the <see cref="IProductSearchIndex"/> that <c>Shop:Search:Provider</c> selects.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>The configuration section of search.</summary>
    public const string Section = "Shop:Search";

    /// <summary>
    /// Replaces the grains' default index with the configured one; an unknown provider stops the start with a message
    /// naming <c>Shop:Search:Provider</c>, and bad provider settings fail validation at start.
    /// </summary>
    public static IServiceCollection AddShopProductSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        switch (ReadProvider(configuration))
        {
            case SearchProvider.Lucene:
                AddLucene(services, configuration);
                break;
            case SearchProvider.Elasticsearch:
                AddElasticsearch(services);
                break;
        }

        return services;
    }

    /// <summary>The provider named by <c>Shop:Search:Provider</c> (Lucene when unset).</summary>
    public static SearchProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[$"{Section}:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return SearchProvider.Lucene;
        }

        return Enum.TryParse<SearchProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Setting {Section}:Provider={value} is not valid; use Lucene or Elasticsearch.");
    }

    private static void AddElasticsearch(IServiceCollection services)
    {
        services.AddOptions<ElasticsearchOptions>().BindConfiguration(ElasticsearchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ElasticsearchOptions>>(new OptionsValidator<ElasticsearchOptions>(ElasticsearchOptions.Section));
        services.AddLogging();

        // One client for the silo's life: the transport pools connections and re-resolves DNS itself.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
            return ElasticsearchConnection.Client(options, ElasticsearchConnection.Http(options));
        });
        services.TryAddSingleton(sp => new ElasticsearchProductSearchIndex(
            sp.GetRequiredService<ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value,
            sp.GetRequiredService<ILogger<ElasticsearchProductSearchIndex>>()));
        services.Replace(ServiceDescriptor.Singleton<IProductSearchIndex>(sp => sp.GetRequiredService<ElasticsearchProductSearchIndex>()));
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(section));
    }

    private static void AddLucene(IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<LuceneSearchOptions>(services, configuration, LuceneSearchOptions.Section);
        services.TryAddSingleton(sp => new LuceneProductSearchIndex(sp.GetRequiredService<IOptions<LuceneSearchOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IProductSearchIndex>(sp => sp.GetRequiredService<LuceneProductSearchIndex>()));
    }
}
