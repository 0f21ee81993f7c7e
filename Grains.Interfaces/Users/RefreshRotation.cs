namespace Shop.Users;

/// <summary>The outcome of presenting a refresh token.</summary>
[GenerateSerializer, Immutable, Alias("shop.users.RefreshRotation")]
public sealed record RefreshRotation
{
    /// <summary>The replacement refresh token; null when the presented one was refused.</summary>
    [Id(0)] public string? RefreshToken { get; init; }

    /// <summary>The user, for the new access token; null when refused.</summary>
    [Id(1)] public UserProfile? Profile { get; init; }

    /// <summary>True when the token had been used before: the whole token family is now revoked.</summary>
    [Id(2)] public bool ReuseDetected { get; init; }
}
