using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Auth;

/// <summary>Limits of the login, registration and refresh endpoints per client IP (<c>Shop:RateLimits:Auth</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:RateLimits:Auth";

    /// <summary>Requests allowed per window and client IP.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 20;

    /// <summary>Length of the window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
