using Microsoft.AspNetCore.Authentication.JwtBearer;
using Shop.ApiGateway.Admission;
using Shop.ApiGateway.Auth;

namespace Shop.ApiGateway.Admin;

/// <summary>Wires the shop staff's order and customer management into the gateway.</summary>
public static class AdminSetup
{
    /// <summary>
    /// Adds the disabled-account list and its poller, and makes the JWT bearer handler refuse (401) a valid token of
    /// a disabled account.
    /// </summary>
    public static IServiceCollection AddShopAdmin(this IServiceCollection services)
    {
        services.AddSingleton<DisabledAccounts>();
        services.AddHostedService<DisabledAccountsPoller>();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var earlier = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (Caller.UserId(context.Principal) is { } userId
                    && context.HttpContext.RequestServices.GetRequiredService<DisabledAccounts>().IsDisabled(userId))
                {
                    context.Fail("The account is disabled.");
                }
            };
        });
        return services;
    }

    /// <summary>Maps the admin gRPC services (REST through their HTTP annotations).</summary>
    public static WebApplication MapShopAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Staff routes share the cart class' permits: few, interactive requests, admitted like a shopper's.
        app.MapGrpcService<OrderAdminService>().RequireRateLimiting(AdmissionPolicies.Cart);
        app.MapGrpcService<CustomerAdminService>().RequireRateLimiting(AdmissionPolicies.Cart);
        return app;
    }
}
