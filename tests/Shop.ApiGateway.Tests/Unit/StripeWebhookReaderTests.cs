using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shop.ApiGateway.Payments;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.Common;
using Shop.Payments;

namespace Shop.ApiGateway.Tests.Unit;

/// <summary>Webhook events: only genuine, fresh ones are read; the handled types become payment events.</summary>
public sealed class StripeWebhookReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly StripeWebhookReader reader;

    public StripeWebhookReaderTests() =>
        reader = new StripeWebhookReader(Options.Create(new StripeWebhookSettings { WebhookSecret = StripeEvents.WebhookSecret }), clock);

    [Fact]
    public void A_signed_payment_intent_succeeded_becomes_a_succeeded_payment_event_for_its_order()
    {
        var orderId = Guid.NewGuid();
        var payload = StripeEvents.Event("evt_1", "payment_intent.succeeded", Intent("pi_1", orderId, "succeeded"));

        var read = reader.Read(payload, Sign(payload, Now));

        Assert.Equal(orderId, read.OrderId);
        Assert.Equal(new PaymentProviderEvent { EventId = "evt_1", Kind = PaymentProviderEventKind.Succeeded, ProviderReference = "pi_1", Amount = new Money(1999, "EUR") }, read.Payment);
    }

    [Fact]
    public void A_failed_payment_intent_carries_stripes_error_code()
    {
        var intent = Intent("pi_2", Guid.NewGuid(), "requires_payment_method");
        intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "payment_intent_authentication_failure" };
        var payload = StripeEvents.Event("evt_2", "payment_intent.payment_failed", intent);

        var read = reader.Read(payload, Sign(payload, Now));

        Assert.Equal(PaymentProviderEventKind.Failed, read.Payment!.Kind);
        Assert.Equal("payment_intent_authentication_failure", read.Payment.FailureReason);
    }

    [Fact]
    public void A_refunded_charge_is_routed_by_its_payment_intent()
    {
        var charge = new JsonObject
        {
            ["id"] = "ch_1",
            ["object"] = "charge",
            ["amount"] = 1999,
            ["amount_refunded"] = 1999,
            ["currency"] = "eur",
            ["payment_intent"] = "pi_3",
            ["refunded"] = true,
            ["metadata"] = new JsonObject(),
        };
        var payload = StripeEvents.Event("evt_3", "charge.refunded", charge);

        var read = reader.Read(payload, Sign(payload, Now));

        Assert.Null(read.OrderId);
        Assert.Equal(new PaymentProviderEvent { EventId = "evt_3", Kind = PaymentProviderEventKind.Refunded, ProviderReference = "pi_3", Amount = new Money(1999, "EUR") }, read.Payment);
    }

    [Fact]
    public void Other_event_types_are_read_but_carry_no_payment_event()
    {
        var payload = StripeEvents.Event("evt_4", "customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" });

        var read = reader.Read(payload, Sign(payload, Now));

        Assert.Equal("customer.created", read.Type);
        Assert.Null(read.Payment);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("stale")]
    [InlineData("from the future")]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("tampered body")]
    public void Events_that_are_not_genuine_and_fresh_are_rejected(string attack)
    {
        var payload = StripeEvents.Event("evt_5", "payment_intent.succeeded", Intent("pi_5", Guid.NewGuid(), "succeeded"));
        var (body, header) = attack switch
        {
            "wrong secret" => (payload, Sign(payload, Now, "whsec_someoneelse")),
            "stale" => (payload, Sign(payload, Now.AddMinutes(-6))),
            "from the future" => (payload, Sign(payload, Now.AddMinutes(6))),
            "missing" => (payload, ""),
            "garbage" => (payload, "t=abc,v1=zzz"),
            _ => (payload.Replace("1999", "1", StringComparison.Ordinal), Sign(payload, Now)),
        };

        Assert.Throws<WebhookRejectedException>(() => reader.Read(body, header));
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_rejected()
    {
        const string payload = "{not json";

        Assert.Throws<WebhookRejectedException>(() => reader.Read(payload, Sign(payload, Now)));
    }

    private static string Sign(string payload, DateTimeOffset at, string secret = StripeEvents.WebhookSecret) =>
        StripeEvents.Signature(payload, at, secret)["Stripe-Signature"];

    private static JsonObject Intent(string id, Guid orderId, string status) => new()
    {
        ["id"] = id,
        ["object"] = "payment_intent",
        ["amount"] = 1999,
        ["amount_received"] = status == "succeeded" ? 1999 : 0,
        ["currency"] = "eur",
        ["status"] = status,
        ["metadata"] = new JsonObject { ["order_id"] = orderId.ToString() },
    };
}
