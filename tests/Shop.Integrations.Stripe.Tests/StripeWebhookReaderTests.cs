using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shop.Common;
using Shop.Integrations.Stripe.Tests.Support;
using Shop.Payments;
using ChargeOutcome = Shop.Grains.Payments.ChargeOutcome;

namespace Shop.Integrations.Stripe.Tests;

/// <summary>Webhook events: only genuine, fresh ones are read; the handled types become payment events.</summary>
public sealed class StripeWebhookReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly StripeWebhookReader reader;

    public StripeWebhookReaderTests() =>
        reader = new StripeWebhookReader(Options.Create(new StripeOptions { SecretKey = StripeHost.SecretKey, WebhookSecret = WebhookSigner.Secret }), clock);

    [Fact]
    public void A_signed_payment_intent_succeeded_becomes_a_succeeded_payment_event_for_its_order()
    {
        var orderId = Guid.NewGuid();
        var payload = WebhookSigner.Event("evt_1", "payment_intent.succeeded", Intent("pi_1", orderId, "succeeded"));

        var read = reader.Read(payload, WebhookSigner.Sign(payload, Now));

        Assert.Equal(orderId, read.OrderId);
        Assert.Equal(new PaymentProviderEvent { EventId = "evt_1", Kind = PaymentProviderEventKind.Succeeded, ProviderReference = "pi_1", Amount = new Money(1999, "EUR") }, read.Payment);
    }

    [Fact]
    public void A_failed_payment_intent_carries_stripes_error_code()
    {
        var intent = Intent("pi_2", Guid.NewGuid(), "requires_payment_method");
        intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "payment_intent_authentication_failure" };
        var payload = WebhookSigner.Event("evt_2", "payment_intent.payment_failed", intent);

        var read = reader.Read(payload, WebhookSigner.Sign(payload, Now));

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
        var payload = WebhookSigner.Event("evt_3", "charge.refunded", charge);

        var read = reader.Read(payload, WebhookSigner.Sign(payload, Now));

        Assert.Null(read.OrderId);
        Assert.Equal(new PaymentProviderEvent { EventId = "evt_3", Kind = PaymentProviderEventKind.Refunded, ProviderReference = "pi_3", Amount = new Money(1999, "EUR") }, read.Payment);
    }

    [Fact]
    public void Other_event_types_are_read_but_carry_no_payment_event()
    {
        var payload = WebhookSigner.Event("evt_4", "customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" });

        var read = reader.Read(payload, WebhookSigner.Sign(payload, Now));

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
        var payload = WebhookSigner.Event("evt_5", "payment_intent.succeeded", Intent("pi_5", Guid.NewGuid(), "succeeded"));
        var (body, header) = attack switch
        {
            "wrong secret" => (payload, WebhookSigner.Sign(payload, Now, "whsec_someoneelse")),
            "stale" => (payload, WebhookSigner.Sign(payload, Now.AddMinutes(-6))),
            "from the future" => (payload, WebhookSigner.Sign(payload, Now.AddMinutes(6))),
            "missing" => (payload, ""),
            "garbage" => (payload, "t=abc,v1=zzz"),
            _ => (payload.Replace("1999", "1", StringComparison.Ordinal), WebhookSigner.Sign(payload, Now)),
        };

        Assert.Throws<StripeWebhookRejectedException>(() => reader.Read(body, header));
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_rejected()
    {
        const string payload = "{not json";

        Assert.Throws<StripeWebhookRejectedException>(() => reader.Read(payload, WebhookSigner.Sign(payload, Now)));
    }

    [Fact]
    public async Task A_charge_that_required_action_is_finished_by_the_succeeded_webhook_of_the_same_intent()
    {
        using var stripe = new FakeStripe();
        using var host = new StripeHost(stripe);
        var charge = new ChargeBuilder().With("pm_card_threeDSecure2Required").Build();
        var pending = await host.Gateway.Charge(charge);
        var completed = stripe.CompleteAction(pending.ProviderReference!);
        var payload = WebhookSigner.Event("evt_6", "payment_intent.succeeded", completed);

        var read = reader.Read(payload, WebhookSigner.Sign(payload, Now));

        Assert.Equal(ChargeOutcome.RequiresAction, pending.Outcome);
        Assert.Equal(charge.OrderId, read.OrderId);
        Assert.Equal(PaymentProviderEventKind.Succeeded, read.Payment!.Kind);
        Assert.Equal(pending.ProviderReference, read.Payment.ProviderReference);
        Assert.Equal(charge.Amount, read.Payment.Amount);
        Assert.Equal(1, stripe.ChargesMade);
    }

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
