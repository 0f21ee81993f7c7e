using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Payments;

namespace Shop.Integrations.Stripe.Tests;

/// <summary>Stripe is wired only when selected, and a missing or malformed key stops the start naming the setting.</summary>
public sealed class StripeWiringTests
{
    [Fact]
    public void The_test_gateway_is_the_payment_port_when_chosen()
    {
        using var services = Services([]);

        Assert.IsType<TestPaymentGateway>(services.GetRequiredService<IPaymentGateway>());
    }

    [Fact]
    public void Stripe_is_the_payment_port_when_chosen()
    {
        using var services = Services(new() { ["Shop:Payments:Stripe:SecretKey"] = "sk_test_abc" }, stripe: true);

        Assert.IsType<StripePaymentGateway>(services.GetRequiredService<IPaymentGateway>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pk_test_not_a_secret_key")]
    public void A_missing_or_malformed_secret_key_is_refused_naming_it(string? key)
    {
        using var services = Services(new() { ["Shop:Payments:Stripe:SecretKey"] = key }, stripe: true);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StripeOptions>>().Value);

        Assert.Contains("Shop:Payments:Stripe:SecretKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pk_test_not_a_secret_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_payment_provider_is_refused_naming_the_setting()
    {
        using var services = Services(new() { ["Shop:Payments:Provider"] = "PayPal" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PaymentsOptions>>().Value);

        Assert.Contains("Shop:Payments:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_retry_setting_is_refused_naming_it()
    {
        using var services = Services(new() { ["Shop:Payments:Stripe:SecretKey"] = "sk_test_abc", ["Shop:Payments:Stripe:MaxRetries"] = "11" }, stripe: true);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StripeOptions>>().Value);

        Assert.Contains("Shop:Payments:Stripe:MaxRetries", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, bool stripe = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddShopGrains(configuration);
        _ = stripe ? services.AddStripePayments(configuration) : services.AddShopTestPayments();

        return services.BuildServiceProvider();
    }
}
