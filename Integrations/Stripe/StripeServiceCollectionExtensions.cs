using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Payments;

namespace Shop.Integrations.Stripe;

/// <summary>Wires Stripe behind the payment port, and the webhook reader for the gateway.</summary>
public static class StripeServiceCollectionExtensions
{
    /// <summary>Replaces the payment gateway with <see cref="StripePaymentGateway"/> (settings validated at start).</summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        AddStripeOptions(services, configuration);
        services.AddStripeHttpClient();
        services.RemoveAll<IPaymentGateway>();
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        return services;
    }

    /// <summary>Adds the <see cref="StripeWebhookReader"/> (needs <c>Shop:Payments:Stripe:WebhookSecret</c> to accept events).</summary>
    public static IServiceCollection AddStripeWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StripeWebhookReader>();
        return services;
    }

    private static void AddStripeOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>>(new OptionsValidator<StripeOptions>(StripeOptions.Section));
    }
}
