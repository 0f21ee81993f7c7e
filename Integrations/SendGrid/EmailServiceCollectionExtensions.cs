using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid;

/// <summary>Wires the e-mail port: the Liquid renderer and the sender <c>Shop:Email:Provider</c> selects.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>Adds the renderer, and the pickup-folder sender (<c>Pickup</c>) or the SendGrid sender (<c>SendGrid</c>).</summary>
    public static IServiceCollection AddShopEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IEmailRenderer, LiquidEmailRenderer>();
        var provider = configuration[$"{EmailOptions.Section}:Provider"] ?? "Pickup";
        if (!string.Equals(provider, "SendGrid", StringComparison.OrdinalIgnoreCase))
        {
            // A provider that is neither is refused by EmailOptions' validation at start.
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
            return services;
        }

        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SendGridOptions>>(new OptionsValidator<SendGridOptions>(SendGridOptions.Section));
        services.AddMetrics();
        services.AddSendGridHttpClient();
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
        return services;
    }
}
