using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport.Products.Elasticsearch;
using Microsoft.Extensions.Logging;
using Shop.Catalog;
using Shop.Grains.Catalog;
using IndexExistsRequest = Elastic.Clients.Elasticsearch.IndexManagement.ExistsRequest;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// The production <see cref="IProductSearchIndex"/>: Elasticsearch through its official client (the index created
/// with its analysers and mappings, <c>_bulk</c> with external versions so the latest version wins, <c>_search</c>
/// with aggregations for the facets). Writes wait for a refresh, so a change is visible to the next search. While
/// the cluster is down every call fails with the shop's "dependency down" refusal (see <see cref="ElasticsearchFailures"/>).
/// </summary>
public sealed partial class ElasticsearchProductSearchIndex : IProductSearchIndex, IDisposable
{
    private const string VersionConflict = "version_conflict_engine_exception";
    private const int RebuildBatchSize = 1_000;
    private readonly ElasticsearchClient client;
    private readonly string index;
    private readonly ILogger logger;
    private readonly SemaphoreSlim createGate = new(1, 1);
    private bool created;

    /// <summary>Uses <paramref name="client"/> on the index <paramref name="options"/> names.</summary>
    public ElasticsearchProductSearchIndex(ElasticsearchClient client, ElasticsearchOptions options, ILogger<ElasticsearchProductSearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.client = client;
        this.logger = logger;
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
        var request = new BulkRequest(index)
        {
            Refresh = Refresh.WaitFor,
            Operations = [.. products.Select(IndexOperation)],
        };
        var response = await client.BulkAsync(request, cancellationToken);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode)
        {
            throw Failure(response, "_bulk");
        }

        // A version conflict means the index holds the same or a newer version already: what latest-wins asks for.
        var failed = response.ItemsWithErrors.FirstOrDefault(item => item.Error?.Type != VersionConflict);
        if (failed is not null)
        {
            throw new ElasticsearchException($"Elasticsearch could not index {failed.Id}: {failed.Error?.Type}: {failed.Error?.Reason}");
        }
    }

    /// <inheritdoc />
    public async Task Remove(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await EnsureIndex(cancellationToken);
        var response = await client.DeleteAsync(new DeleteRequest(index, sku) { Refresh = Refresh.WaitFor }, cancellationToken);
        if (!response.IsValidResponse && response.ApiCallDetails.HttpStatusCode != 404)
        {
            throw Failure(response, "delete");
        }
    }

    /// <inheritdoc />
    public async Task<ProductPage> Search(ProductQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureIndex(cancellationToken);
        var response = await client.SearchAsync<ProductSearchDocument>(ProductSearchRequest.For(index, query), cancellationToken);
        return response.IsValidResponse ? ProductSearchResponse.Page(response) : throw Failure(response, "_search");
    }

    /// <inheritdoc />
    public async Task Rebuild(IReadOnlyCollection<ProductDetails> products, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        var response = await client.Indices.DeleteAsync(new DeleteIndexRequest(index), cancellationToken);
        if (!response.IsValidResponse && response.ApiCallDetails.HttpStatusCode != 404)
        {
            throw Failure(response, "delete index");
        }

        created = false;
        foreach (var batch in products.Chunk(RebuildBatchSize))
        {
            await Upsert(batch, cancellationToken);
        }

        await EnsureIndex(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> Count(CancellationToken cancellationToken = default)
    {
        await EnsureIndex(cancellationToken);
        var response = await client.CountAsync(new CountRequest(index), cancellationToken);
        return response.IsValidResponse ? response.Count : throw Failure(response, "_count");
    }

    /// <inheritdoc />
    public void Dispose() => createGate.Dispose();

    private static BulkIndexOperation<ProductSearchDocument> IndexOperation(ProductDetails product) =>
        new(ProductSearchDocument.From(product))
        {
            Id = product.Sku,
            Version = product.Version,
            VersionType = VersionType.External,
        };

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
        var exists = await client.Indices.ExistsAsync(new IndexExistsRequest(index), cancellationToken);
        if (exists.Exists)
        {
            return;
        }

        if (exists.ApiCallDetails.HttpStatusCode != 404)
        {
            throw Failure(exists, "index exists");
        }

        var response = await client.Indices.CreateAsync(ProductIndexDefinition.Create(index), cancellationToken);

        // Another silo may have created it in between.
        if (!response.IsValidResponse && ElasticsearchFailures.ErrorType(response) != "resource_already_exists_exception")
        {
            throw Failure(response, "create index");
        }
    }

    private Exception Failure(ElasticsearchResponse response, string operation)
    {
        if (ElasticsearchFailures.IsOutage(response))
        {
            LogOutage(logger, response.ApiCallDetails.OriginalException, operation, index, response.ApiCallDetails.HttpStatusCode);
        }

        return ElasticsearchFailures.For(response, operation);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch {Operation} on {Index} failed (status {Status}) after the retries: search is down")]
    private static partial void LogOutage(ILogger logger, Exception? exception, string operation, string index, int? status);
}
