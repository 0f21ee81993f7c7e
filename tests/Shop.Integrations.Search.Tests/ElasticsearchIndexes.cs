using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Microsoft.Extensions.Logging.Abstractions;
using Shop.Integrations.Search.Elasticsearch;

namespace Shop.Integrations.Search.Tests;

/// <summary>Creates Elasticsearch indexes with unique names on one server and deletes them all from it (<see cref="DeleteAll"/>).</summary>
public sealed class ElasticsearchIndexes(Uri url) : IDisposable
{
    private readonly List<ElasticsearchProductSearchIndex> created = [];
    private readonly List<string> names = [];

    /// <summary>A new index on the production client and HTTP path (no retry delay: the tests never wait on a clock).</summary>
    public ElasticsearchProductSearchIndex Create()
    {
        var name = $"shop-test-{Guid.NewGuid():N}";
        var options = new ElasticsearchOptions { Url = url.ToString(), Index = name, RetryDelay = TimeSpan.Zero };
        var index = new ElasticsearchProductSearchIndex(
            ElasticsearchConnection.Client(options, ElasticsearchConnection.Http(options)), options, NullLogger<ElasticsearchProductSearchIndex>.Instance);
        created.Add(index);
        names.Add(name);
        return index;
    }

    /// <summary>Deletes every index created here from the server.</summary>
    public async Task DeleteAll()
    {
        var client = new ElasticsearchClient(url);
        foreach (var name in names)
        {
            await client.Indices.DeleteAsync(new DeleteIndexRequest(name));
        }
    }

    /// <inheritdoc />
    public void Dispose() => created.ForEach(i => i.Dispose());
}
