using Shop.Integrations.Search.Elasticsearch;

namespace Shop.Integrations.Search.Tests;

/// <summary>Creates Elasticsearch indexes with unique names on one server and deletes them all from it (<see cref="DeleteAll"/>).</summary>
public sealed class ElasticsearchIndexes(Uri url) : IDisposable
{
    private readonly HttpClient http = new();
    private readonly List<ElasticsearchProductSearchIndex> created = [];
    private readonly List<string> names = [];

    /// <summary>A new index client (no retry delay: the tests never wait on a clock).</summary>
    public ElasticsearchProductSearchIndex Create(int maxRetries = 3)
    {
        var name = $"shop-test-{Guid.NewGuid():N}";
        var index = new ElasticsearchProductSearchIndex(http, new ElasticsearchOptions
        {
            Url = url.ToString(),
            Index = name,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.Zero,
        });
        created.Add(index);
        names.Add(name);
        return index;
    }

    /// <summary>Deletes every index created here from the server.</summary>
    public async Task DeleteAll()
    {
        foreach (var name in names)
        {
            using var response = await http.DeleteAsync(new Uri(url, name));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        created.ForEach(i => i.Dispose());
        http.Dispose();
    }
}
