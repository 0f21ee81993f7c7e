using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;

namespace Shop.Integrations.Stripe.Tests.Support;

/// <summary>
/// A local HTTP server playing Stripe's documented API for PaymentIntents and refunds (form-encoded requests, JSON
/// objects and error bodies as in Stripe's API reference), with Stripe's idempotency rule: a request that executed is
/// answered again, unchanged, for the same Idempotency-Key. Test payment methods behave like Stripe's:
/// <c>pm_card_visa</c> succeeds, <c>pm_card_chargeDeclined</c> is declined (402 card_error),
/// <c>pm_card_threeDSecure2Required</c> requires action. Faults can be queued: an error status for the next request
/// (not executed, as Stripe does for 429/5xx), or a response that is lost after the request executed.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> executed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> intents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IResponseMessage?> faults = new();
    private readonly ConcurrentQueue<IRequestMessage> received = new();
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int charges;
    private int refunds;

    /// <summary>Starts the server with the PaymentIntent and refund endpoints.</summary>
    public FakeStripe()
    {
        server.Given(Request.Create().WithPath("/v1/payment_intents").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(request, CreateIntent)));
        server.Given(Request.Create().WithPath("/v1/refunds").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(request, CreateRefund)));
    }

    /// <summary>The API base to give Stripe.net.</summary>
    public string ApiBase => server.Urls[0];

    /// <summary>PaymentIntents that took money (idempotent replays not counted).</summary>
    public int ChargesMade => Volatile.Read(ref charges);

    /// <summary>Refunds made (idempotent replays not counted).</summary>
    public int RefundsMade => Volatile.Read(ref refunds);

    /// <summary>The requests received on a path, oldest first (including those whose response is still held).</summary>
    public IReadOnlyList<IRequestMessage> Requests(string path) => [.. received.Where(r => r.Path == path)];

    /// <summary>The form fields of a request.</summary>
    public static NameValueCollection Form(IRequestMessage request) => HttpUtility.ParseQueryString(request.Body ?? "");

    /// <summary>The next request is answered with this status and Stripe's error body, without being executed.</summary>
    public void FailNext(int status, string code = "api_error", string? retryAfterSeconds = null)
    {
        var response = Json(status, new JsonObject { ["error"] = new JsonObject { ["type"] = status == 429 ? "invalid_request_error" : "api_error", ["code"] = code, ["message"] = "Injected by the test." } });
        if (retryAfterSeconds is not null)
        {
            response.AddHeader("Retry-After", retryAfterSeconds);
        }

        faults.Enqueue(response);
    }

    /// <summary>The next request executes, but its response never arrives (the client times out and retries).</summary>
    public void LoseNextResponse() => faults.Enqueue(null);

    /// <summary>The PaymentIntent as Stripe returns it, after the customer passed 3-D Secure.</summary>
    public JsonObject CompleteAction(string intentId)
    {
        var intent = intents[intentId];
        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.GetValue<long>();
        intent["next_action"] = null;
        Interlocked.Increment(ref charges);
        return (JsonObject)intent.DeepClone();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        released.TrySetResult();
        server.Stop();
        server.Dispose();
    }

    private async Task<IResponseMessage> Answer(IRequestMessage request, Func<NameValueCollection, (int Status, JsonObject Body)> execute)
    {
        received.Enqueue(request);
        var key = request.Headers?.TryGetValue("Idempotency-Key", out var values) == true ? values.ToString() : null;
        var faulted = faults.TryDequeue(out var fault);
        if (fault is not null)
        {
            return fault;
        }

        var (status, body) = key is null
            ? Serialize(execute(Form(request)))
            : executed.GetOrAdd(key, _ => Serialize(execute(Form(request))));
        var response = Json(status, JsonNode.Parse(body)!);
        if (key is not null)
        {
            response.AddHeader("Idempotency-Key", key);
        }

        if (faulted)
        {
            // The lost response: executed above, then held until the test ends; the client gave up long before.
            await released.Task;
        }

        return response;
    }

    private (int Status, JsonObject Body) CreateIntent(NameValueCollection form)
    {
        var id = $"pi_{Guid.NewGuid():N}"[..27];
        var method = form["payment_method"] ?? "";
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture),
            ["amount_received"] = 0,
            ["currency"] = form["currency"],
            ["client_secret"] = $"{id}_secret_{Guid.NewGuid():N}",
            ["confirmation_method"] = "automatic",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["payment_method"] = $"pm_{Guid.NewGuid():N}"[..27],
            ["status"] = "requires_payment_method",
            ["next_action"] = null,
            ["last_payment_error"] = null,
        };
        intents[id] = intent;
        switch (method)
        {
            case "pm_card_visa" or "pm_card_mastercard":
                intent["status"] = "succeeded";
                intent["amount_received"] = intent["amount"]!.GetValue<long>();
                intent["latest_charge"] = $"ch_{Guid.NewGuid():N}"[..27];
                Interlocked.Increment(ref charges);
                return (200, (JsonObject)intent.DeepClone());
            case "pm_card_threeDSecure2Required":
                intent["status"] = "requires_action";
                intent["next_action"] = new JsonObject { ["type"] = "use_stripe_sdk", ["use_stripe_sdk"] = new JsonObject { ["type"] = "three_d_secure_redirect" } };
                return (200, (JsonObject)intent.DeepClone());
            case "pm_card_chargeDeclined":
                var error = new JsonObject
                {
                    ["type"] = "card_error",
                    ["code"] = "card_declined",
                    ["decline_code"] = "generic_decline",
                    ["message"] = "Your card was declined.",
                    ["doc_url"] = "https://stripe.com/docs/error-codes/card-declined",
                };
                intent["last_payment_error"] = error.DeepClone();
                error["payment_intent"] = intent.DeepClone();
                return (402, new JsonObject { ["error"] = error });
            default:
                return (400, new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["type"] = "invalid_request_error",
                        ["code"] = "resource_missing",
                        ["param"] = "payment_method",
                        ["message"] = $"No such PaymentMethod: '{method}'",
                    },
                });
        }
    }

    private (int Status, JsonObject Body) CreateRefund(NameValueCollection form)
    {
        var intentId = form["payment_intent"] ?? "";
        if (!intents.TryGetValue(intentId, out var intent) || intent["status"]!.GetValue<string>() != "succeeded")
        {
            return (400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["param"] = "payment_intent", ["message"] = $"No such payment_intent: '{intentId}'" } });
        }

        var charged = intent["amount"]!.GetValue<long>();
        var refunded = intent["amount_refunded"]?.GetValue<long>() ?? 0;
        if (refunded >= charged)
        {
            return (400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "charge_already_refunded", ["message"] = "Charge has already been refunded." } });
        }

        // No amount refunds what is left; more than is left is refused on the amount parameter, as Stripe does.
        var amount = form["amount"] is { } given ? long.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : charged - refunded;
        if (refunded + amount > charged)
        {
            return (400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["param"] = "amount", ["message"] = $"Refund amount ({amount}) is greater than unrefunded amount on charge ({charged - refunded})" } });
        }

        intent["amount_refunded"] = refunded + amount;
        intent["refunded"] = refunded + amount == charged;
        Interlocked.Increment(ref refunds);
        return (200, new JsonObject
        {
            ["id"] = $"re_{Guid.NewGuid():N}"[..27],
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = intent["latest_charge"]?.DeepClone(),
            ["currency"] = intent["currency"]!.DeepClone(),
            ["payment_intent"] = intentId,
            ["status"] = "succeeded",
            ["metadata"] = new JsonObject(),
        });
    }

    private static JsonObject Metadata(NameValueCollection form)
    {
        var metadata = new JsonObject();
        foreach (var name in form.AllKeys.Where(k => k is not null && k.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[name!["metadata[".Length..^1]] = form[name];
        }

        return metadata;
    }

    private static (int, string) Serialize((int Status, JsonObject Body) result) => (result.Status, result.Body.ToJsonString());

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", "application/json");
        response.AddHeader("Request-Id", $"req_{Guid.NewGuid():N}"[..18]);
        return response;
    }
}
