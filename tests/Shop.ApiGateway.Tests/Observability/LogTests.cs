using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>What the shop logs at its default levels: little, readable, correlated with traces, and never a secret.</summary>
[Collection(ObservedShopTests.Name)]
public sealed class LogTests(ObservedShopFixture observed)
{
    // A whole journey (register, cart, card checkout, confirmation e-mail) at the default levels; each line is an event
    // an operator wants to see, not per-call chatter.
    private const int MostLinesPerJourney = 10;

    [Fact]
    public async Task A_checkout_journey_logs_a_bounded_number_of_lines_and_no_per_call_chatter()
    {
        var before = observed.App.Logs.Count;

        var (_, _, orderId) = await JourneyAsync();

        var lines = observed.App.Logs.GetSnapshot().Skip(before).ToList();
        Assert.True(lines.Count <= MostLinesPerJourney,
            $"The journey of order {orderId} logged {lines.Count} lines:\n{string.Join('\n', lines.Select(Describe))}");
        Assert.DoesNotContain(lines, l => l.Level < LogLevel.Warning
            && (l.Category?.StartsWith("Polly", StringComparison.Ordinal) == true
                || l.Category?.StartsWith("Orleans", StringComparison.Ordinal) == true
                || l.Category?.StartsWith("System.Net.Http", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task The_logs_of_a_journey_hold_no_password_token_or_secret()
    {
        var before = observed.App.Logs.Count;

        var (shopper, password, _) = await JourneyAsync();

        var text = string.Join('\n', observed.App.Logs.GetSnapshot().Skip(before).Select(Describe));
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(shopper.AccessToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(shopper.Tokens.RefreshToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_visa", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopApp.SigningKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(StripeEvents.WebhookSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_JSON_body_is_a_400_logged_without_a_stack_trace()
    {
        var shopper = await observed.Shop.SharedShopperAsync();
        using var client = observed.Shop.Client();
        var before = observed.App.Logs.Count;

        using var response = await client.SendAsync(HttpMethod.Post, "/v1/cart/items", "{\"sku\": \"A\", \"quantity\": ", shopper.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logged = observed.App.Logs.GetSnapshot().Skip(before).ToList();
        Assert.DoesNotContain(logged, l => l.Exception is not null);
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_traceId_of_a_problem_is_the_trace_id_of_its_request()
    {
        using var client = observed.Shop.Client();
        var traceId = ActivityTraceId.CreateRandom();
        var traceparent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        using var response = await client.SendAsync(HttpMethod.Get, "/v1/orders/not-an-order", headers: new Dictionary<string, string>
        {
            ["traceparent"] = traceparent,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(traceId.ToHexString(), problem["traceId"]!.GetValue<string>());
        var request = await Eventually.Value(
            () => Task.FromResult(observed.App.Spans.Trace(traceId)),
            spans => spans.Any(s => s.Kind == ActivityKind.Server),
            because: "the request's span to be exported");
        Assert.Contains(request, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.response.status_code") is 401);
    }

    private async Task<(Account Shopper, string Password, string OrderId)> JourneyAsync()
    {
        var sku = await observed.Shop.ProductAsync();
        var shopper = await observed.Shop.ShopperAsync();
        using var client = observed.Shop.Client();
        await client.AddToCartAsync(shopper, sku);
        var orderId = await client.PlaceOrderAsync(shopper, Requests.Card("tok_visa"));
        await client.OrderReachingAsync(shopper, orderId, "CONFIRMED");
        return (shopper, Requests.Password, orderId);
    }

    private static string Describe(FakeLogRecord record) =>
        $"{record.Level} {record.Category}: {record.Message} {record.Exception}"
        + string.Join(' ', record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? []);
}
