namespace Shop.Integrations.Search;

/// <summary>Which product search index the silo uses (<c>Shop:Search:Provider</c>).</summary>
public enum SearchProvider
{
    /// <summary>Lucene.Net in a local folder (the embedded default).</summary>
    Lucene = 0,

    /// <summary>Elasticsearch over its REST API (production).</summary>
    Elasticsearch = 1,
}
