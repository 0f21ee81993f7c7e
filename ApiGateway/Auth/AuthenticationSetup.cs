using Microsoft.AspNetCore.Authentication.JwtBearer;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>JWT bearer authentication, role policies and the auth rate limiter.</summary>
public static class AuthenticationSetup
{
    /// <summary>Reads and validates the auth settings (stopping the start when they are wrong) and wires authentication.</summary>
    public static WebApplicationBuilder AddShopAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = TokenSettings.Read(builder.Configuration, builder.Environment.IsDevelopment());
        var limits = Silo.ShopSiloExtensions.BindAndValidate<RateLimitOptions>(builder.Configuration, RateLimitOptions.Section);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = settings.ValidationParameters();
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        builder.Services.AddAuthRateLimiting(limits);
        return builder;
    }
}
