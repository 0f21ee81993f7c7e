using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Notifications;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Integrations.SendGrid;

/// <summary>Wires the e-mail port: the Liquid renderer and the sender <c>Shop:Email:Provider</c> selects.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the renderer, and the pickup-folder sender (<c>Pickup</c>) or the SendGrid sender (<c>SendGrid</c>); a bad
    /// <c>Shop:Email</c> setting stops the start naming it.
    /// </summary>
    public static IServiceCollection AddShopEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IEmailRenderer, LiquidEmailRenderer>();
        if (ShopOptions.Read<EmailOptions>(configuration, EmailOptions.Section).UsesPickupFolder)
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
            return services;
        }

        services.AddShopOptions<SendGridOptions>(configuration, SendGridOptions.Section);
        services.AddMetrics();
        services.AddSendGridHttpClient();
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        return services;
    }
}
