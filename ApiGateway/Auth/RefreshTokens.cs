namespace Shop.ApiGateway.Auth;

/// <summary>Refresh tokens start with their user's id ("N" format) before the first '.'; that routes them to the user grain.</summary>
public static class RefreshTokens
{
    /// <summary>Longest refresh token accepted.</summary>
    public const int MaxLength = 512;

    /// <summary>The user id a refresh token belongs to, or null when the token is malformed.</summary>
    public static Guid? UserIdOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 && Guid.TryParseExact(token.AsSpan(0, dot), "N", out var id) && dot < token.Length - 1 ? id : null;
    }
}
