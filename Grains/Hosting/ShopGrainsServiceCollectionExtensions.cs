using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Notifications;
using Shop.Grains.Orders;
using Shop.Grains.Payments;
using Shop.Grains.Users;
using Shop.Users;

namespace Shop.Grains;

/// <summary>Registers what the grains need from their host: options and the default adapters behind their ports.</summary>
public static class ShopGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains' options (validated at start, messages naming the setting), the grains' clock, the saga
    /// event factory and publisher, the refund metrics, the password hasher, the in-memory search index and the built-in test payment gateway. The host adds an <see cref="IEmailSender"/>.
    /// </summary>
    public static IServiceCollection AddShopGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(ShopClock.Key, TimeProvider.System);
        AddValidatedOptions<SagaOptions>(services, configuration, SagaOptions.Section);
        AddValidatedOptions<CartOptions>(services, configuration, CartOptions.Section);
        AddValidatedOptions<AuthOptions>(services, configuration, AuthOptions.Section);
        AddValidatedOptions<EmailOptions>(services, configuration, EmailOptions.Section);
        AddValidatedOptions<PaymentsOptions>(services, configuration, PaymentsOptions.Section);
        services.TryAddSingleton<SagaEventFactory>();
        services.TryAddSingleton<RefundMetrics>();
        services.TryAddSingleton<StreamSagaEventPublisher>();
        services.TryAddSingleton<ISagaEventPublisher>(sp => sp.GetRequiredService<StreamSagaEventPublisher>());
        services.TryAddSingleton<IPasswordHasher, PasswordHasher>();
        services.TryAddSingleton<IProductSearchIndex, InMemoryProductSearchIndex>();
        services.TryAddSingleton<TestPaymentGateway>();
        services.TryAddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
        return services;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(section));
    }
}
