using Shop.Common;
using Shop.Grains.Payments;

namespace Shop.Grains.Tests.Unit;

public sealed class TestPaymentGatewayTests
{
    private readonly TestPaymentGateway gateway = new();

    private Task<ChargeResult> Charge(string token, string? key = null) => gateway.Charge(new PaymentCharge
    {
        IdempotencyKey = key ?? Guid.NewGuid().ToString(),
        OrderId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        Amount = new Money(1000, "EUR"),
        PaymentToken = token,
    });

    [Theory]
    [InlineData("tok_visa")]
    [InlineData("pm_card_visa")]
    [InlineData("tok_mastercard")]
    [InlineData("pm_card_mastercard")]
    public async Task Stripe_test_cards_succeed(string token)
    {
        var result = await Charge(token);

        Assert.Equal(ChargeOutcome.Succeeded, result.Outcome);
        Assert.NotNull(result.ProviderReference);
    }

    [Theory]
    [InlineData("tok_chargeDeclined", "card_declined")]
    [InlineData("pm_card_chargeDeclined", "card_declined")]
    [InlineData("tok_unknown", "invalid_payment_method")]
    public async Task Declining_and_unknown_tokens_are_declined_with_a_reason(string token, string reason)
    {
        var result = await Charge(token);

        Assert.Equal((ChargeOutcome.Declined, reason), (result.Outcome, result.DeclineReason));
    }

    [Theory]
    [InlineData("tok_threeDSecure2Required")]
    [InlineData("pm_card_threeDSecure2Required")]
    public async Task Three_d_secure_cards_require_action_with_a_client_secret(string token)
    {
        var result = await Charge(token);

        Assert.Equal(ChargeOutcome.RequiresAction, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.ClientSecret));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_result_without_charging_again()
    {
        var first = await Charge("tok_visa", "order-1");

        var second = await Charge("tok_chargeDeclined", "order-1");

        Assert.Same(first, second);
        Assert.Equal((1, 2), (gateway.ChargesMade, gateway.ChargeCalls("order-1")));
    }

    [Fact]
    public async Task A_charge_is_refunded_once()
    {
        var charge = await Charge("tok_visa");
        PaymentRefund Refund(string key) => new() { IdempotencyKey = key, ProviderReference = charge.ProviderReference!, Amount = new Money(1000, "EUR") };

        var first = await gateway.Refund(Refund("refund-1"));
        var repeat = await gateway.Refund(Refund("refund-1"));
        var other = await gateway.Refund(Refund("refund-2"));

        Assert.True(first.Succeeded);
        Assert.Same(first, repeat);
        Assert.False(other.Succeeded);
    }
}
