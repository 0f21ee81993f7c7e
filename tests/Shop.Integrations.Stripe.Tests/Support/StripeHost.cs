using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Payments;

namespace Shop.Integrations.Stripe.Tests.Support;

/// <summary>The Stripe adapter wired as the silo wires it, pointed at a <see cref="FakeStripe"/>, with fast retries.</summary>
public sealed class StripeHost : IDisposable
{
    /// <summary>The secret key the adapter is configured with.</summary>
    public const string SecretKey = "sk_test_shop0123456789";

    private readonly ServiceProvider services;

    /// <summary>Builds the adapter against <paramref name="stripe"/>.</summary>
    public StripeHost(FakeStripe stripe, int maxRetries = 3, string attemptTimeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Payments:Stripe:SecretKey"] = SecretKey,
            ["Shop:Payments:Stripe:ApiBase"] = stripe.ApiBase,
            ["Shop:Payments:Stripe:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:Payments:Stripe:RetryDelay"] = "00:00:00.010",
            ["Shop:Payments:Stripe:AttemptTimeout"] = attemptTimeout,
        }).Build();
        services = new ServiceCollection().AddLogging().AddStripePayments(configuration).BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The payment port as the grains get it.</summary>
    public IPaymentGateway Gateway => services.GetRequiredService<IPaymentGateway>();

    /// <inheritdoc />
    public void Dispose() => services.Dispose();
}
