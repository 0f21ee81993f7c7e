namespace Shop.Integrations.Search;

/// <summary>Which product search index the silo uses (<c>Shop:Search</c>).</summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Shop:Search";

    /// <summary><c>Lucene</c> (the default) or <c>Elasticsearch</c>; any other value stops the start naming the setting.</summary>
    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;
}
