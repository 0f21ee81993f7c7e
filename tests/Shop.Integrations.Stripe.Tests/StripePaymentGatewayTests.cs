using global::Stripe;
using Shop.Grains.Payments;
using Shop.Integrations.Stripe.Tests.Support;
using ChargeOutcome = Shop.Grains.Payments.ChargeOutcome;

namespace Shop.Integrations.Stripe.Tests;

/// <summary>The payment port on Stripe PaymentIntents, against a local server playing Stripe's API.</summary>
public sealed class StripePaymentGatewayTests : IDisposable
{
    private readonly FakeStripe stripe = new();
    private readonly StripeHost host;

    public StripePaymentGatewayTests() => host = new StripeHost(stripe);

    [Fact]
    public async Task A_card_payment_creates_and_confirms_one_payment_intent_keyed_by_the_order()
    {
        var charge = new ChargeBuilder().With("pm_card_visa").Of(1999, "EUR").Build();

        var result = await host.Gateway.Charge(charge);

        Assert.Equal(ChargeOutcome.Succeeded, result.Outcome);
        Assert.StartsWith("pi_", result.ProviderReference, StringComparison.Ordinal);
        var request = Assert.Single(stripe.Requests("/v1/payment_intents"));
        Assert.Equal(charge.OrderId.ToString(), request.Headers!["Idempotency-Key"].ToString());
        Assert.Equal($"Bearer {StripeHost.SecretKey}", request.Headers["Authorization"].ToString());
        var form = FakeStripe.Form(request);
        Assert.Equal("1999", form["amount"]);
        Assert.Equal("eur", form["currency"]);
        Assert.Equal("pm_card_visa", form["payment_method"]);
        Assert.Equal("true", form["confirm"]);
        Assert.Equal(charge.OrderId.ToString(), form["metadata[order_id]"]);
        Assert.Equal(1, stripe.ChargesMade);
    }

    [Fact]
    public async Task A_declined_card_answers_declined_with_stripes_reason()
    {
        var result = await host.Gateway.Charge(new ChargeBuilder().With("pm_card_chargeDeclined").Build());

        Assert.Equal(ChargeOutcome.Declined, result.Outcome);
        Assert.Equal("card_declined", result.DeclineReason);
        Assert.StartsWith("pi_", result.ProviderReference, StringComparison.Ordinal);
        Assert.Equal(0, stripe.ChargesMade);
    }

    [Fact]
    public async Task An_unknown_payment_method_is_declined_not_retried()
    {
        var result = await host.Gateway.Charge(new ChargeBuilder().With("pm_not_a_method").Build());

        Assert.Equal(ChargeOutcome.Declined, result.Outcome);
        Assert.Equal("resource_missing", result.DeclineReason);
        Assert.Single(stripe.Requests("/v1/payment_intents"));
    }

    [Fact]
    public async Task A_card_needing_3D_Secure_requires_action_with_the_client_secret()
    {
        var result = await host.Gateway.Charge(new ChargeBuilder().With("pm_card_threeDSecure2Required").Build());

        Assert.Equal(ChargeOutcome.RequiresAction, result.Outcome);
        Assert.StartsWith($"{result.ProviderReference}_secret_", result.ClientSecret, StringComparison.Ordinal);
        Assert.Equal(0, stripe.ChargesMade);
    }

    [Fact]
    public async Task A_create_whose_response_timed_out_is_retried_with_the_same_key_and_charges_once()
    {
        using var impatient = new StripeHost(stripe, attemptTimeout: "00:00:01");
        stripe.LoseNextResponse();
        var charge = new ChargeBuilder().Build();

        var result = await impatient.Gateway.Charge(charge);

        Assert.Equal(ChargeOutcome.Succeeded, result.Outcome);
        var requests = stripe.Requests("/v1/payment_intents");
        Assert.True(requests.Count >= 2, "the create is sent again after the lost response");
        Assert.All(requests, r => Assert.Equal(charge.IdempotencyKey, r.Headers!["Idempotency-Key"].ToString()));
        Assert.Equal(1, stripe.ChargesMade);
    }

    [Fact]
    public async Task A_repeated_charge_of_the_same_order_answers_the_first_result_and_charges_once()
    {
        var charge = new ChargeBuilder().Build();

        var first = await host.Gateway.Charge(charge);
        var second = await host.Gateway.Charge(charge);

        Assert.Equal(first.ProviderReference, second.ProviderReference);
        Assert.Equal(1, stripe.ChargesMade);
    }

    [Fact]
    public async Task Rate_limited_and_failing_requests_are_retried_until_they_succeed()
    {
        stripe.FailNext(429, "rate_limit", retryAfterSeconds: "0");
        stripe.FailNext(503);

        var result = await host.Gateway.Charge(new ChargeBuilder().Build());

        Assert.Equal(ChargeOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, stripe.Requests("/v1/payment_intents").Count);
        Assert.Equal(1, stripe.ChargesMade);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_throws_so_the_saga_retries_later()
    {
        using var impatient = new StripeHost(stripe, maxRetries: 1);
        stripe.FailNext(500);
        stripe.FailNext(500);

        var error = await Assert.ThrowsAsync<StripeException>(() => impatient.Gateway.Charge(new ChargeBuilder().Build()));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.HttpStatusCode);
        Assert.Equal(2, stripe.Requests("/v1/payment_intents").Count);
        Assert.Equal(0, stripe.ChargesMade);
    }

    [Fact]
    public async Task A_refund_gives_the_payment_back_once_under_its_own_key()
    {
        var charge = new ChargeBuilder().Of(4250, "EUR").Build();
        var paid = await host.Gateway.Charge(charge);
        var refund = new PaymentRefund { IdempotencyKey = $"refund-{charge.OrderId}", ProviderReference = paid.ProviderReference!, Amount = charge.Amount };

        var first = await host.Gateway.Refund(refund);
        var again = await host.Gateway.Refund(refund);

        Assert.True(first.Succeeded);
        Assert.StartsWith("re_", first.ProviderReference, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(1, stripe.RefundsMade);
        var request = stripe.Requests("/v1/refunds")[0];
        Assert.Equal($"refund-{charge.OrderId}", request.Headers!["Idempotency-Key"].ToString());
        Assert.Equal(paid.ProviderReference, FakeStripe.Form(request)["payment_intent"]);
        Assert.Equal("4250", FakeStripe.Form(request)["amount"]);
    }

    [Fact]
    public async Task Partial_refunds_send_their_amount_and_own_idempotency_key_and_one_beyond_what_is_left_is_refused()
    {
        var charge = new ChargeBuilder().Of(4000, "EUR").Build();
        var paid = await host.Gateway.Charge(charge);
        PaymentRefund Part(string id, long amountMinor) =>
            new() { IdempotencyKey = $"refund-{charge.OrderId}-{id}", ProviderReference = paid.ProviderReference!, Amount = new(amountMinor, "EUR") };

        var first = await host.Gateway.Refund(Part("line-1", 1500));
        var retried = await host.Gateway.Refund(Part("line-1", 1500));
        var second = await host.Gateway.Refund(Part("line-2", 1500));
        var tooMuch = await host.Gateway.Refund(Part("line-3", 1500));

        Assert.True(first.Succeeded);
        Assert.Equal(first, retried);
        Assert.True(second.Succeeded);
        Assert.NotEqual(first.ProviderReference, second.ProviderReference);
        Assert.False(tooMuch.Succeeded);
        Assert.Equal(2, stripe.RefundsMade);
        var requests = stripe.Requests("/v1/refunds");
        Assert.Equal(
            [$"refund-{charge.OrderId}-line-1", $"refund-{charge.OrderId}-line-1", $"refund-{charge.OrderId}-line-2", $"refund-{charge.OrderId}-line-3"],
            requests.Select(r => r.Headers!["Idempotency-Key"].ToString()));
        Assert.All(requests, r => Assert.Equal(("1500", paid.ProviderReference), (FakeStripe.Form(r)["amount"], FakeStripe.Form(r)["payment_intent"])));
    }

    [Fact]
    public async Task A_refund_of_an_unknown_payment_fails_without_throwing()
    {
        var result = await host.Gateway.Refund(new PaymentRefund { IdempotencyKey = "refund-x", ProviderReference = "pi_unknown", Amount = new(100, "EUR") });

        Assert.False(result.Succeeded);
        Assert.Equal("resource_missing", result.FailureReason);
    }

    public void Dispose()
    {
        host.Dispose();
        stripe.Dispose();
    }
}
