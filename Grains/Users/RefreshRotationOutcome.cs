namespace Shop.Grains.Users;

/// <summary>What presenting a refresh token came to.</summary>
public enum RefreshRotationOutcome
{
    /// <summary>The token was current: a new one replaces it.</summary>
    Rotated = 0,

    /// <summary>The token was used before: the family is revoked.</summary>
    ReuseDetected = 1,

    /// <summary>Unknown, malformed, expired or revoked.</summary>
    Refused = 2,
}
