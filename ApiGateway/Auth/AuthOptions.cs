using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Auth;

/// <summary>Access-token settings (<c>Shop:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Auth";

    /// <summary>The setting that holds the HS256 signing key.</summary>
    public const string SigningKeySetting = Section + ":SigningKey";

    /// <summary>Shortest signing key accepted, in UTF-8 bytes (HS256 wants 256 bits).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>HS256 signing key, at least 32 bytes. Random per start in Development when unset; required elsewhere.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> of issued tokens.</summary>
    [Required, MinLength(1)]
    public string Issuer { get; set; } = "shop";

    /// <summary>The <c>aud</c> of issued tokens.</summary>
    [Required, MinLength(1)]
    public string Audience { get; set; } = "shop-api";

    /// <summary>Lifetime of an access token.</summary>
    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Tolerated clock difference when validating lifetimes.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;
}
