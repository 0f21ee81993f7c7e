using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Grains.Carts;
using Shop.Grains.Notifications;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Payments;
using Shop.Grains.Users;
using Shop.ServiceDefaults.Configuration;
using Shop.Users;

namespace Shop.Grains;

/// <summary>Registers what the grains need from their host: options, the clock and the saga's services.</summary>
public static class ShopGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains' options (validated at start, messages naming the setting), the grains' clock, the saga
    /// event factory and publisher, the refund metrics and the password hasher. The host adds the adapters behind the
    /// grains' ports, each chosen by its provider setting: an <see cref="IPaymentGateway"/> (see
    /// <see cref="AddShopTestPayments"/>), an <see cref="IEmailSender"/> and an <see cref="Catalog.IProductSearchIndex"/>.
    /// </summary>
    public static IServiceCollection AddShopGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(ShopClock.Key, TimeProvider.System);
        services.AddShopOptions<SagaOptions>(configuration, SagaOptions.Section);
        services.AddShopOptions<CartOptions>(configuration, CartOptions.Section);
        services.AddShopOptions<AuthOptions>(configuration, AuthOptions.Section);
        services.AddShopOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddShopOptions<PaymentsOptions>(configuration, PaymentsOptions.Section);
        services.TryAddSingleton<SagaEventFactory>();
        services.TryAddSingleton<RefundMetrics>();
        services.TryAddSingleton<SagaMetrics>();
        services.TryAddSingleton<StreamSagaEventPublisher>();
        services.TryAddSingleton<ISagaEventPublisher>(sp => sp.GetRequiredService<StreamSagaEventPublisher>());
        services.TryAddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddShopOptions<OrderAdminOptions>(configuration, OrderAdminOptions.Section);
        // The storage wiring registers the PostgreSQL read model first when orders are stored there.
        services.TryAddSingleton<IOrderReadModel, InMemoryOrderReadModel>();
        services.TryAddSingleton<StuckOrderMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<StuckOrderMonitor>());
        return services;
    }

    /// <summary>The payment port on the built-in <see cref="TestPaymentGateway"/> (<c>Shop:Payments:Provider=Test</c>).</summary>
    public static IServiceCollection AddShopTestPayments(this IServiceCollection services)
    {
        services.AddSingleton<TestPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
        return services;
    }
}
