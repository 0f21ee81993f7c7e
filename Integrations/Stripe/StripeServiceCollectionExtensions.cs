using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Payments;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Integrations.Stripe;

/// <summary>Wires Stripe behind the payment port.</summary>
public static class StripeServiceCollectionExtensions
{
    /// <summary>
    /// The payment port on <see cref="StripePaymentGateway"/> (<c>Shop:Payments:Provider=Stripe</c>); its settings are
    /// validated at start. The host registers this or the test gateway, never both.
    /// </summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShopOptions<StripeOptions>(configuration, StripeOptions.Section);
        services.AddStripeHttpClient();
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        return services;
    }
}
