using Elastic.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Shop.Integrations.Search.Elasticsearch;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>Builds the Elasticsearch index over a recording invoker or a recorded HTTP handler.</summary>
public static class RecordedIndex
{
    /// <summary>The index every recorded test uses.</summary>
    public const string Name = "products";

    /// <summary>Settings of a test cluster: no retry delay, the tests never wait on a clock.</summary>
    public static ElasticsearchOptions Options(int maxRetries = 2) => new()
    {
        Url = "http://search.test:9200",
        Index = Name,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.Zero,
    };

    /// <summary>An index whose requests the in-memory <paramref name="invoker"/> answers.</summary>
    public static ElasticsearchProductSearchIndex Over(IRequestInvoker invoker, ElasticsearchOptions? options = null)
    {
        options ??= Options();
        return new ElasticsearchProductSearchIndex(
            ElasticsearchConnection.Client(options, invoker), options, NullLogger<ElasticsearchProductSearchIndex>.Instance);
    }

    /// <summary>An index on the production HTTP path (resilience handler included) whose socket end is <paramref name="handler"/>.</summary>
    public static ElasticsearchProductSearchIndex OverHttp(RecordedHttpHandler handler, ElasticsearchOptions? options = null)
    {
        options ??= Options();
        return Over(ElasticsearchConnection.Http(options, handler), options);
    }

    /// <summary>An invoker that answers the index is missing (HEAD 404) and creates it (PUT 200).</summary>
    public static RecordingRequestInvoker Missing() => new RecordingRequestInvoker()
        .On("HEAD", "/" + Name, new RecordedAnswer(404))
        .On("PUT", "/" + Name, new RecordedAnswer(200, "create-index.json"));

    /// <summary>An invoker that answers the index exists (HEAD 200), as on every call after the first.</summary>
    public static RecordingRequestInvoker Existing() => new RecordingRequestInvoker().On("HEAD", "/" + Name, new RecordedAnswer(200));
}
