namespace Shop.Users;

/// <summary>A registration.</summary>
[GenerateSerializer, Immutable, Alias("shop.users.NewUser")]
public sealed record NewUser
{
    /// <summary>E-mail address, unique across users (case-insensitive).</summary>
    [Id(0)] public required string Email { get; init; }

    /// <summary>Password in clear (8 to 128 characters); only its salted hash is stored.</summary>
    [Id(1)] public required string Password { get; init; }

    /// <summary>Display name (1 to 100 characters).</summary>
    [Id(2)] public required string Name { get; init; }
}
