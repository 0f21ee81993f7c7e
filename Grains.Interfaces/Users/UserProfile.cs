namespace Shop.Users;

/// <summary>A user as they (and the token issuer) see themselves. Never carries the password hash.</summary>
[GenerateSerializer, Immutable, Alias("shop.users.UserProfile")]
public sealed record UserProfile
{
    /// <summary>The user id.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>E-mail address.</summary>
    [Id(1)] public required string Email { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>Roles, see <see cref="Roles"/>.</summary>
    [Id(3)] public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Phone number, when given.</summary>
    [Id(4)] public string? Phone { get; init; }

    /// <summary>When the user registered.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether shop staff disabled the account (it cannot log in or refresh).</summary>
    [Id(6)] public bool Disabled { get; init; }
}
