using System.Net;
using System.Text.Json.Nodes;
using Shop.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// The production <see cref="IProductSearchIndex"/>: Elasticsearch over its documented REST API (index creation with
/// mappings, <c>_bulk</c> with external versions so the latest version wins, <c>_search</c> with aggregations for
/// the facets). Writes wait for a refresh, so a change is visible to the next search.
/// </summary>
public sealed class ElasticsearchProductSearchIndex : IProductSearchIndex, IDisposable
{
    private const string Json = "application/json";
    private readonly ElasticsearchTransport transport;
    private readonly string index;
    private readonly SemaphoreSlim createGate = new(1, 1);
    private bool created;

    /// <summary>Talks to the cluster <paramref name="options"/> name through <paramref name="http"/>.</summary>
    public ElasticsearchProductSearchIndex(HttpClient http, ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        transport = new ElasticsearchTransport(http, options);
        index = options.Index;
    }

    /// <inheritdoc />
    public async Task Upsert(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (products.Count == 0)
        {
            return;
        }

        await EnsureIndex(cancellationToken);
        var (status, body) = await transport.Send(
            HttpMethod.Post, "_bulk?refresh=wait_for", ElasticsearchRequests.Bulk(index, products), "application/x-ndjson", cancellationToken);
        EnsureSuccess(status, body, "_bulk");
        ElasticsearchResponses.EnsureBulkApplied(body);
    }

    /// <inheritdoc />
    public async Task Remove(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await EnsureIndex(cancellationToken);
        var (status, body) = await transport.Send(
            HttpMethod.Delete, $"{index}/_doc/{Uri.EscapeDataString(sku)}?refresh=wait_for", null, Json, cancellationToken);
        if (status != HttpStatusCode.NotFound)
        {
            EnsureSuccess(status, body, "delete");
        }
    }

    /// <inheritdoc />
    public async Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureIndex(cancellationToken);
        var (status, body) = await transport.Send(HttpMethod.Post, $"{index}/_search", ElasticsearchRequests.Search(query), Json, cancellationToken);
        EnsureSuccess(status, body, "_search");
        return ElasticsearchResponses.Page(body);
    }

    /// <inheritdoc />
    public async Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var (status, body) = await transport.Send(HttpMethod.Delete, index, null, Json, cancellationToken);
        if (status != HttpStatusCode.NotFound)
        {
            EnsureSuccess(status, body, "delete index");
        }

        created = false;
        foreach (var batch in products.Chunk(1_000))
        {
            await Upsert(batch, cancellationToken);
        }

        await EnsureIndex(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> Count(CancellationToken cancellationToken = default)
    {
        await EnsureIndex(cancellationToken);
        var (status, body) = await transport.Send(HttpMethod.Get, $"{index}/_count", null, Json, cancellationToken);
        EnsureSuccess(status, body, "_count");
        return JsonNode.Parse(body)?["count"]?.GetValue<long>() ?? 0;
    }

    /// <inheritdoc />
    public void Dispose() => createGate.Dispose();

    private async Task EnsureIndex(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createGate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await CreateIndex(cancellationToken);
                created = true;
            }
        }
        finally
        {
            createGate.Release();
        }
    }

    private async Task CreateIndex(CancellationToken cancellationToken)
    {
        var (exists, _) = await transport.Send(HttpMethod.Head, index, null, Json, cancellationToken);
        if (exists == HttpStatusCode.OK)
        {
            return;
        }

        var (status, body) = await transport.Send(HttpMethod.Put, index, ElasticsearchRequests.CreateIndex(), Json, cancellationToken);

        // Another silo may have created it in between.
        if (!body.Contains("resource_already_exists_exception", StringComparison.Ordinal))
        {
            EnsureSuccess(status, body, "create index");
        }
    }

    private static void EnsureSuccess(HttpStatusCode status, string body, string operation)
    {
        if ((int)status is < 200 or > 299)
        {
            throw new ElasticsearchException($"Elasticsearch {operation} failed with {(int)status}: {Truncate(body)}");
        }
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "..." : text;
}
