using Shop.ApiGateway.Payments;

namespace Shop.ApiGateway.Tests.Unit;

/// <summary>What <c>GET /v1/payments/config</c> tells the storefront.</summary>
public sealed class PaymentConfigTests
{
    [Fact]
    public void Stripe_with_a_publishable_key_gives_the_key() =>
        Assert.Equal(new PaymentConfig("stripe", "pk_test_abc"), PaymentConfig.From(new PaymentSettings { Provider = "Stripe" }, new StripeWebhookSettings { PublishableKey = "pk_test_abc" }));

    [Fact]
    public void Stripe_without_a_publishable_key_gives_none() =>
        Assert.Equal(new PaymentConfig("stripe", null), PaymentConfig.From(new PaymentSettings { Provider = "stripe" }, new StripeWebhookSettings()));

    [Fact]
    public void The_test_provider_never_gives_a_key() =>
        Assert.Equal(new PaymentConfig("test", null), PaymentConfig.From(new PaymentSettings(), new StripeWebhookSettings { PublishableKey = "pk_test_abc" }));
}
