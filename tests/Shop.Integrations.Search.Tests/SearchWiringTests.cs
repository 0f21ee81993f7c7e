using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Elasticsearch;
using Shop.Integrations.Search.Lucene;

namespace Shop.Integrations.Search.Tests;

/// <summary>How <c>Shop:Search:Provider</c> and its settings select and validate the index.</summary>
public sealed class SearchWiringTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton<IProductSearchIndex, InMemoryProductSearchIndex>()
            .AddShopProductSearch(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Lucene_is_the_default_provider()
    {
        using var services = Services(("Shop:Search:Lucene:InMemory", "true"));

        Assert.IsType<LuceneProductSearchIndex>(services.GetRequiredService<IProductSearchIndex>());
    }

    [Fact]
    public void Elasticsearch_is_selected_by_the_provider_setting()
    {
        using var services = Services(("Shop:Search:Provider", "elasticsearch"), ("Shop:Search:Elasticsearch:Url", "http://127.0.0.1:9200"));

        Assert.IsType<ElasticsearchProductSearchIndex>(services.GetRequiredService<IProductSearchIndex>());
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(("Shop:Search:Provider", "Solr")));

        Assert.Contains("Shop:Search:Provider=Solr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elasticsearch_without_a_url_fails_validation_naming_the_setting()
    {
        using var services = Services(("Shop:Search:Provider", "Elasticsearch"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);
        Assert.Contains("Shop:Search:Elasticsearch:Url", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiKey", "a2V5", "Username", "shop", "Shop:Search:Elasticsearch:ApiKey")]
    [InlineData("Username", "shop", "Index", "products", "Shop:Search:Elasticsearch:Password")]
    [InlineData("Password", "s3cret", "Index", "products", "Shop:Search:Elasticsearch:Username")]
    public void Elasticsearch_credentials_are_an_api_key_or_a_user_and_password_and_fail_validation_otherwise(
        string key, string value, string otherKey, string otherValue, string named)
    {
        using var services = Services(
            ("Shop:Search:Provider", "Elasticsearch"), ("Shop:Search:Elasticsearch:Url", "http://127.0.0.1:9200"),
            ($"Shop:Search:Elasticsearch:{key}", value), ($"Shop:Search:Elasticsearch:{otherKey}", otherValue));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elasticsearch_settings_bind_from_their_section()
    {
        using var services = Services(
            ("Shop:Search:Provider", "Elasticsearch"), ("Shop:Search:Elasticsearch:Url", "https://search.internal:9200"),
            ("Shop:Search:Elasticsearch:Index", "catalog"), ("Shop:Search:Elasticsearch:ApiKey", "a2V5"), ("Shop:Search:Elasticsearch:MaxRetries", "5"));

        var options = services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;

        Assert.Equal(("https://search.internal:9200", "catalog", "a2V5", 5), (options.Url, options.Index, options.ApiKey, options.MaxRetries));
    }
}
