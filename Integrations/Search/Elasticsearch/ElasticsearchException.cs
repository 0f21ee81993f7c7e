namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>Elasticsearch refused a request or answered with something the index cannot use.</summary>
public sealed class ElasticsearchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ElasticsearchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ElasticsearchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ElasticsearchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
