using System.ComponentModel.DataAnnotations;

namespace Shop.Users;

/// <summary>
/// Authentication settings (<c>Shop:Auth</c>), one type for both sides: the gateway issues and checks access tokens
/// (signing key, issuer, audience, lifetimes); the user grains hash passwords and keep refresh-token families.
/// It lives with the user contracts because both the gateway and the grains reference them.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Auth";

    /// <summary>The setting that holds the HS256 signing key.</summary>
    public const string SigningKeySetting = Section + ":SigningKey";

    /// <summary>Shortest signing key accepted, in UTF-8 bytes (HS256 wants 256 bits).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// Gateway: HS256 signing key, at least 32 bytes. Random per start in Development when unset; required elsewhere.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Gateway: the <c>iss</c> of issued tokens.</summary>
    [Required, MinLength(1)]
    public string Issuer { get; set; } = "shop";

    /// <summary>Gateway: the <c>aud</c> of issued tokens.</summary>
    [Required, MinLength(1)]
    public string Audience { get; set; } = "shop-api";

    /// <summary>Gateway: lifetime of an access token, in minutes.</summary>
    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Gateway: tolerated clock difference when validating lifetimes, in seconds.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Grains: PBKDF2-HMAC-SHA512 iterations for new hashes (default 210,000, OWASP's figure for SHA-512).</summary>
    [Range(1_000, 10_000_000, ErrorMessage = "must be between 1000 and 10000000.")]
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>Grains: how long a refresh token stays usable after it was issued (default 30 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "must be between 1 minute and 365 days.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Grains: most live refresh-token families (sessions) per user; the oldest is dropped (default 20).</summary>
    [Range(1, 1000, ErrorMessage = "must be between 1 and 1000.")]
    public int MaxRefreshFamilies { get; set; } = 20;
}
