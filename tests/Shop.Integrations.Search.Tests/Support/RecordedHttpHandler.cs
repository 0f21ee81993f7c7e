using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// The socket end of the client's HTTP path, in memory: it records every request that reaches it (after the
/// authentication headers and the resilience handler) and answers them in turn with the recorded answers it was
/// given; past the last one it repeats the last. Used where the HTTP layer is under test: retries and credentials.
/// </summary>
public sealed class RecordedHttpHandler(params RecordedAnswer[] answers) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private int next;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await Body(request.Content, cancellationToken);
        requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, body, request.Headers.Authorization?.ToString()));
        var answer = answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)];
        if (answer.Unreachable)
        {
            throw new HttpRequestException("Connection refused (recorded).", null, HttpStatusCode.ServiceUnavailable);
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body()) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (answer.HasProductHeader)
        {
            response.Headers.Add("X-Elastic-Product", "Elasticsearch");
        }

        return response;
    }

    // The client compresses request bodies, as Elasticsearch accepts; the server reads them decompressed.
    private static async Task<string> Body(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        if (!content.Headers.ContentEncoding.Contains("gzip"))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
