using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>JWT bearer authentication, role policies and the auth rate limiter.</summary>
public static class AuthenticationSetup
{
    /// <summary>Binds the auth settings (validated at start, naming a wrong setting) and wires authentication.</summary>
    public static WebApplicationBuilder AddShopAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = ShopOptions.Read<RateLimitOptions>(builder.Configuration, RateLimitOptions.Section);
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddShopOptions<AuthOptions>(AuthOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, SigningKeyValidator>();
        builder.Services.AddSingleton(sp => TokenSettings.From(sp.GetRequiredService<IOptions<AuthOptions>>().Value, isDevelopment));
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenSettings>((options, settings) =>
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
