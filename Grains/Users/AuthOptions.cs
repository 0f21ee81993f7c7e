using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Users;

/// <summary>Password hashing and refresh-token settings (<c>Shop:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Auth";

    /// <summary>PBKDF2-HMAC-SHA512 iterations for new hashes (default 210,000, OWASP's figure for SHA-512).</summary>
    [Range(1_000, 10_000_000, ErrorMessage = "must be between 1000 and 10000000.")]
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>How long a refresh token stays usable after it was issued (default 30 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "must be between 1 minute and 365 days.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most live refresh-token families (sessions) per user; the oldest is dropped (default 20).</summary>
    [Range(1, 1000, ErrorMessage = "must be between 1 and 1000.")]
    public int MaxRefreshFamilies { get; set; } = 20;
}
