using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>The validated token settings and the signing key, resolved once per process.</summary>
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
    /// The settings for <paramref name="options"/>: a missing key is replaced by a random one in Development; outside
    /// Development a missing or short key is refused with a message naming <c>Shop:Auth:SigningKey</c>.
    /// </summary>
    public static TokenSettings From(AuthOptions options, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SigningKeyProblem(options.SigningKey, isDevelopment) is { } problem)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [problem]);
        }

        var key = string.IsNullOrEmpty(options.SigningKey) ? RandomNumberGenerator.GetBytes(64) : Encoding.UTF8.GetBytes(options.SigningKey);
        return new TokenSettings(options, new SymmetricSecurityKey(key));
    }

    /// <summary>What is wrong with the configured signing key, or null when it can be used.</summary>
    public static string? SigningKeyProblem(string? configured, bool isDevelopment)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return isDevelopment
                ? null
                : $"Setting {AuthOptions.SigningKeySetting} is required outside Development (at least {AuthOptions.MinKeyBytes} bytes).";
        }

        return Encoding.UTF8.GetByteCount(configured) >= AuthOptions.MinKeyBytes
            ? null
            : $"Setting {AuthOptions.SigningKeySetting} is too short: it needs at least {AuthOptions.MinKeyBytes} bytes.";
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
}
