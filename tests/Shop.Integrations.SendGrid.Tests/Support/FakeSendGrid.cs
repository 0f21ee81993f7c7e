using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;

namespace Shop.Integrations.SendGrid.Tests.Support;

/// <summary>
/// A local HTTP server playing SendGrid's v3 Mail Send endpoint as documented: <c>POST /v3/mail/send</c> with a Bearer
/// key answers 202 Accepted, no body and an <c>X-Message-Id</c>; errors answer <c>{"errors":[{"message","field","help"}]}</c>.
/// Statuses can be queued for the next requests (429, 5xx, 4xx).
/// </summary>
public sealed class FakeSendGrid : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly ConcurrentQueue<int> statuses = new();
    private readonly ConcurrentQueue<IRequestMessage> received = new();

    /// <summary>Starts the server.</summary>
    public FakeSendGrid() =>
        server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithCallback(Answer));

    /// <summary>The API base to configure.</summary>
    public string ApiBase => server.Urls[0];

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. received];

    /// <summary>The JSON bodies of the requests SendGrid accepted.</summary>
    public IReadOnlyList<JsonNode> Accepted { get; private set; } = [];

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void AnswerNext(params int[] codes)
    {
        foreach (var code in codes)
        {
            statuses.Enqueue(code);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        received.Enqueue(request);
        if (statuses.TryDequeue(out var status))
        {
            var error = new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["message"] = $"Injected {status}.", ["field"] = null, ["help"] = null }),
            };
            var failure = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsString = error.ToJsonString(), DetectedBodyType = BodyType.String } };
            failure.AddHeader("Content-Type", "application/json");
            if (status == 429)
            {
                failure.AddHeader("Retry-After", "0");
            }

            return failure;
        }

        Accepted = [.. Accepted, JsonNode.Parse(request.Body!)!];
        var accepted = new ResponseMessage { StatusCode = 202 };
        accepted.AddHeader("X-Message-Id", $"msg-{Guid.NewGuid():N}");
        return accepted;
    }
}
