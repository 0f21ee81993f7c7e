namespace Shop.Users;

/// <summary>A partial profile update: null fields stay as they are. Roles and e-mail cannot be changed here.</summary>
[GenerateSerializer, Immutable, Alias("shop.users.ProfileChanges")]
public sealed record ProfileChanges
{
    /// <summary>New display name.</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary>New phone number (empty string clears it).</summary>
    [Id(1)] public string? Phone { get; init; }
}
