using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Shop.Silo;

namespace Shop.ApiGateway.Auth;

/// <summary>The validated token settings and the signing key, resolved once at start.</summary>
public sealed class TokenSettings
{
    private TokenSettings(AuthOptions options, SymmetricSecurityKey key)
    {
        Options = options;
        Key = key;
    }

    /// <summary>The options.</summary>
    public AuthOptions Options { get; }

    /// <summary>The HS256 key.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>Lifetime of an access token.</summary>
    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(Options.AccessTokenMinutes);

    /// <summary>
    /// Reads <c>Shop:Auth</c>. A missing key is replaced by a random one in Development; outside Development a missing
    /// or short key stops the start with a message naming <c>Shop:Auth:SigningKey</c>.
    /// </summary>
    public static TokenSettings Read(IConfiguration configuration, bool isDevelopment)
    {
        var options = ShopSiloExtensions.BindAndValidate<AuthOptions>(configuration, AuthOptions.Section);
        return new TokenSettings(options, new SymmetricSecurityKey(KeyBytes(options.SigningKey, isDevelopment)));
    }

    /// <summary>Settings with an explicit key (tests and tools).</summary>
    public static TokenSettings Create(AuthOptions options, byte[] key) => new(options, new SymmetricSecurityKey(key));

    /// <summary>The validation rules every access token must pass.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Options.Issuer,
        ValidAudience = Options.Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(Options.ClockSkewSeconds),
        NameClaimType = AccessTokenIssuer.SubjectClaim,
        RoleClaimType = AccessTokenIssuer.RoleClaim,
    };

    private static byte[] KeyBytes(string? configured, bool isDevelopment)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return isDevelopment
                ? RandomNumberGenerator.GetBytes(64)
                : throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions),
                    [$"Setting {AuthOptions.SigningKeySetting} is required outside Development (at least {AuthOptions.MinKeyBytes} bytes)."]);
        }

        var bytes = Encoding.UTF8.GetBytes(configured);
        return bytes.Length >= AuthOptions.MinKeyBytes
            ? bytes
            : throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions),
                [$"Setting {AuthOptions.SigningKeySetting} is too short: it needs at least {AuthOptions.MinKeyBytes} bytes."]);
    }
}
