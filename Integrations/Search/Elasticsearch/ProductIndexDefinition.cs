using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// The settings and mappings of the product index. Text is analysed by <c>product_text</c>, which folds case and
/// accents and stems possessives and plurals lightly (as the Lucene index does); the name has a normalised keyword
/// sub-field to sort by. The mapping is strict, and the stored product is not indexed.
/// </summary>
internal static class ProductIndexDefinition
{
    /// <summary>The analyser of every text field.</summary>
    public const string TextAnalyzer = "product_text";

    /// <summary>The keyword sub-field of the name that sorts case-insensitively.</summary>
    public const string NameSortField = "name.sort";

    private const string SortableNormalizer = "sortable";

    /// <summary>The request that creates <paramref name="index"/>.</summary>
    public static CreateIndexRequest Create(string index) => new(index)
    {
        Settings = new IndexSettings { Analysis = Analysis() },
        Mappings = new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                { "sku", new KeywordProperty() },
                { "name", new TextProperty { Analyzer = TextAnalyzer, Fields = new Properties { { "sort", new KeywordProperty { Normalizer = SortableNormalizer } } } } },
                { "description", Text() },
                { "category", new KeywordProperty() },
                { "category_text", Text() },
                { "attributes", Text() },
                { "price", new LongNumberProperty() },
                { "created_at", new DateProperty() },
                { "published", new BooleanProperty() },
                { "product", new ObjectProperty { Enabled = false } },
            },
        },
    };

    private static IndexSettingsAnalysis Analysis() => new()
    {
        Analyzers = new Analyzers
        {
            { TextAnalyzer, new CustomAnalyzer { Tokenizer = "standard", Filter = ["lowercase", "asciifolding", "possessive_english", "minimal_english"] } },
        },
        TokenFilters = new TokenFilters
        {
            { "possessive_english", new StemmerTokenFilter { Language = "possessive_english" } },
            { "minimal_english", new StemmerTokenFilter { Language = "minimal_english" } },
        },
        Normalizers = new Normalizers
        {
            { SortableNormalizer, new CustomNormalizer { Filter = ["lowercase"] } },
        },
    };

    private static TextProperty Text() => new() { Analyzer = TextAnalyzer };
}
