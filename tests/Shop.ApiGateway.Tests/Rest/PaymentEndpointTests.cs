using System.Net;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>The Stripe webhook (signed events only; each handled once) and the storefront's payment configuration.</summary>
[Collection(ShopTests.Name)]
public sealed class PaymentEndpointTests(ShopFixture shop)
{
    private const string Webhook = "/v1/payments/stripe/webhook";

    [Fact]
    public async Task A_signed_succeeded_event_confirms_an_order_awaiting_3D_Secure()
    {
        using var client = shop.Client();
        var (shopper, orderId) = await OrderAwaitingAction(client);
        var payload = StripeEvents.PaymentIntent("payment_intent.succeeded", orderId, "succeeded");

        using var response = await client.SendAsync(HttpMethod.Post, Webhook, payload, headers: StripeEvents.Signature(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");
        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_event_sent_twice_is_acknowledged_twice_and_handled_once()
    {
        using var client = shop.Client();
        var (shopper, orderId) = await OrderAwaitingAction(client);
        var payload = StripeEvents.PaymentIntent("payment_intent.succeeded", orderId, "succeeded");

        using var first = await client.SendAsync(HttpMethod.Post, Webhook, payload, headers: StripeEvents.Signature(payload));
        using var again = await client.SendAsync(HttpMethod.Post, Webhook, payload, headers: StripeEvents.Signature(payload));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");
        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_event_cancels_the_order_awaiting_3D_Secure()
    {
        using var client = shop.Client();
        var (shopper, orderId) = await OrderAwaitingAction(client);
        var payload = StripeEvents.PaymentIntent("payment_intent.payment_failed", orderId, "requires_payment_method");

        using var response = await client.SendAsync(HttpMethod.Post, Webhook, payload, headers: StripeEvents.Signature(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await client.OrderReachingAsync(shopper, orderId, "CANCELLED");
        Assert.Equal("payment_declined", order["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refunded_charge_is_routed_to_its_order_by_the_payment_intent()
    {
        using var client = shop.Client();
        var (shopper, orderId) = await OrderAwaitingAction(client);
        var succeeded = StripeEvents.PaymentIntent("payment_intent.succeeded", orderId, "succeeded");
        (await client.SendAsync(HttpMethod.Post, Webhook, succeeded, headers: StripeEvents.Signature(succeeded))).Dispose();
        await client.OrderReachingAsync(shopper, orderId, "CONFIRMED");
        var refunded = StripeEvents.ChargeRefunded(orderId);

        using var response = await client.SendAsync(HttpMethod.Post, Webhook, refunded, headers: StripeEvents.Signature(refunded));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, $"/v1/orders/{orderId}", token: shopper.AccessToken),
            order => order["payment"]?["status"]?.GetValue<string>() == "REFUNDED",
            because: "the order to record the refund");
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("stale timestamp")]
    [InlineData("missing header")]
    [InlineData("malformed header")]
    [InlineData("body changed after signing")]
    public async Task Events_without_a_valid_fresh_signature_are_refused_with_400(string attack)
    {
        using var client = shop.Client();
        var payload = StripeEvents.PaymentIntent("payment_intent.succeeded", Guid.NewGuid().ToString(), "succeeded");
        var (body, headers) = attack switch
        {
            "wrong secret" => (payload, StripeEvents.Signature(payload, secret: "whsec_notours")),
            "stale timestamp" => (payload, StripeEvents.Signature(payload, DateTimeOffset.UtcNow.AddMinutes(-10))),
            "missing header" => (payload, new Dictionary<string, string>()),
            "malformed header" => (payload, new Dictionary<string, string> { ["Stripe-Signature"] = "v1=;;t=" }),
            _ => (payload.Replace("1999", "1", StringComparison.Ordinal), StripeEvents.Signature(payload)),
        };

        using var response = await client.SendAsync(HttpMethod.Post, Webhook, body, headers: headers);

        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("payments.webhook_signature_invalid", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_types_shop_does_not_handle_and_unknown_orders_are_acknowledged()
    {
        using var client = shop.Client();
        var other = StripeEvents.Other();
        var unknown = StripeEvents.PaymentIntent("payment_intent.succeeded", Guid.NewGuid().ToString(), "succeeded");

        using var otherResponse = await client.SendAsync(HttpMethod.Post, Webhook, other, headers: StripeEvents.Signature(other));
        using var unknownResponse = await client.SendAsync(HttpMethod.Post, Webhook, unknown, headers: StripeEvents.Signature(unknown));

        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownResponse.StatusCode);
    }

    [Fact]
    public async Task The_payment_configuration_names_the_test_provider_without_a_key()
    {
        using var client = shop.Client();

        var config = await client.JsonAsync(HttpMethod.Get, "/v1/payments/config");

        Assert.Equal("test", config["provider"]!.GetValue<string>());
        Assert.Null(config["stripePublishableKey"]);
    }

    private async Task<(Account Shopper, string OrderId)> OrderAwaitingAction(ShopClient client)
    {
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        await client.AddToCartAsync(shopper, sku);
        var orderId = await client.PlaceOrderAsync(shopper, Requests.Card("tok_threeDSecure2Required"));
        var order = await client.OrderReachingAsync(shopper, orderId, "AWAITING_PAYMENT_ACTION");
        Assert.False(string.IsNullOrEmpty(order["payment"]!["clientSecret"]!.GetValue<string>()));
        return (shopper, orderId);
    }
}
