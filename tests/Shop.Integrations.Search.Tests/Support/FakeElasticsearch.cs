using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// A local HTTP server that answers the Elasticsearch REST calls the index makes (HEAD/PUT/DELETE index, <c>_bulk</c>,
/// delete by id, <c>_count</c>, <c>_search</c>) with Elasticsearch's documented response shapes. Each index is
/// evaluated by a <see cref="FakeElasticsearchIndex"/>. It records every request and can fail the next ones with 503,
/// to show the client's retries.
/// </summary>
public sealed class FakeElasticsearch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeElasticsearchIndex> indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly WebApplication app;
    private int failuresLeft;

    private FakeElasticsearch(WebApplication app) => this.app = app;

    /// <summary>The base URL of the server.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => requests;

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeElasticsearch> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeElasticsearch(app);
        app.Run(server.Handle);
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with 503 Service Unavailable.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var index in indexes.Values)
        {
            index.Dispose();
        }
    }

    private async Task Handle(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value!.Trim('/');
        requests.Enqueue(new RecordedRequest(context.Request.Method, path + context.Request.QueryString, body));
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            await Answer(context, 503, new JsonObject { ["error"] = "unavailable", ["status"] = 503 });
            return;
        }

        var (status, answer) = Dispatch(context.Request.Method, path.Split('/'), body);
        await Answer(context, status, answer);
    }

    private (int Status, JsonNode? Body) Dispatch(string method, string[] segments, string body) => (method, segments) switch
    {
        ("POST", ["_bulk"]) => Bulk(body),
        ("HEAD", [var name]) => (indexes.ContainsKey(name) ? 200 : 404, null),
        ("PUT", [var name]) => Create(name, body),
        ("DELETE", [var name]) => indexes.TryRemove(name, out var removed)
            ? Disposed(removed, (200, new JsonObject { ["acknowledged"] = true }))
            : (404, Error("index_not_found_exception", 404)),
        ("DELETE", [var name, "_doc", var id]) => WithIndex(name, i => i.Delete(Uri.UnescapeDataString(id))),
        ("GET", [var name, "_count"]) => WithIndex(name, i => (200, new JsonObject { ["count"] = i.Count })),
        ("POST", [var name, "_search"]) => WithIndex(name, i => (200, i.Search(JsonNode.Parse(body)!))),
        _ => (400, Error("illegal_argument_exception", 400)),
    };

    private (int, JsonNode?) Create(string name, string body)
    {
        _ = JsonNode.Parse(body)!["mappings"]!["properties"]!;
        return indexes.TryAdd(name, new FakeElasticsearchIndex(name))
            ? (200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = name })
            : (400, Error("resource_already_exists_exception", 400));
    }

    private (int, JsonNode?) Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var action = JsonNode.Parse(lines[i])!["index"]!;
            var index = indexes.GetOrAdd(action["_index"]!.GetValue<string>(), name => new FakeElasticsearchIndex(name));
            items.Add(new JsonObject { ["index"] = index.Index(action, JsonNode.Parse(lines[i + 1])!) });
        }

        foreach (var index in indexes.Values)
        {
            index.Refresh();
        }

        var errors = items.Any(item => item!["index"]!["error"] is not null);
        return (200, new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items });
    }

    private (int, JsonNode?) WithIndex(string name, Func<FakeElasticsearchIndex, (int, JsonNode?)> use) =>
        indexes.TryGetValue(name, out var index) ? use(index) : (404, Error("index_not_found_exception", 404));

    private static (int, JsonNode?) Disposed(FakeElasticsearchIndex disposable, (int, JsonNode?) answer)
    {
        disposable.Dispose();
        return answer;
    }

    /// <summary>An Elasticsearch error body.</summary>
    internal static JsonObject Error(string type, int status) =>
        new() { ["error"] = new JsonObject { ["type"] = type, ["reason"] = type }, ["status"] = status };

    private static async Task Answer(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is not null && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }
}
