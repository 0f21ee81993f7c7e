using System.Collections.Concurrent;
using System.Text;
using Elastic.Transport;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// The transport's in-memory request invoker, recording each request the client sends (method, path, serialised
/// body) and answering it with the recorded answer of the first rule its method and path match (last added first).
/// A request no rule matches fails the call, so a test never passes on an answer it did not mean.
/// </summary>
public sealed class RecordingRequestInvoker : InMemoryRequestInvoker, IRequestInvoker
{
    private readonly List<(string Method, string Path, RecordedAnswer Answer)> rules = [];

    /// <summary>Answers with the headers Elasticsearch sends (the client refuses a server without its product header).</summary>
    public RecordingRequestInvoker()
        : base(null, 200, null, "application/json", RecordedAnswer.ProductHeaders())
    {
    }

    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Answers <paramref name="method"/> requests to exactly <paramref name="path"/> (no query) with <paramref name="answer"/>.</summary>
    public RecordingRequestInvoker On(string method, string path, RecordedAnswer answer)
    {
        rules.Insert(0, (method, path, answer));
        return this;
    }

    /// <summary>The requests sent to <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> To(string method, string path) =>
        [.. Requests.Where(r => r.Method == method && r.Path == path)];

    /// <inheritdoc cref="IRequestInvoker.Request{TResponse}" />
    public new TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var answer = Record(endpoint, boundConfiguration, postData);
        return BuildResponse<TResponse>(endpoint, boundConfiguration, postData, answer.Body(), answer.Status);
    }

    /// <inheritdoc cref="IRequestInvoker.RequestAsync{TResponse}" />
    public new async Task<TResponse> RequestAsync<TResponse>(
        Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var answer = Record(endpoint, boundConfiguration, postData);
        return await BuildResponseAsync<TResponse>(
            endpoint, boundConfiguration, postData, cancellationToken, answer.Body(), answer.Status);
    }

    private RecordedAnswer Record(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            postData.Write(stream, boundConfiguration.ConnectionSettings, disableDirectStreaming: true);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }

        var method = endpoint.Method.ToString().ToUpperInvariant();
        var request = new RecordedRequest(method, endpoint.PathAndQuery.StartsWith('/') ? endpoint.PathAndQuery : "/" + endpoint.PathAndQuery, body);
        requests.Enqueue(request);
        var answer = rules.FirstOrDefault(r => r.Method == method && r.Path == request.Path).Answer
            ?? throw new InvalidOperationException($"No recorded answer for {method} {request.PathAndQuery}");

        // The in-memory invoker cannot fail to connect; that case is sent through RecordedHttpHandler.
        return answer.Unreachable ? throw new NotSupportedException("Use RecordedHttpHandler for an unreachable server.") : answer;
    }
}
