namespace Shop.Grains.Users;

/// <summary>The persisted list of recently disabled accounts.</summary>
[GenerateSerializer, Alias("shop.grains.users.DisabledUsersState")]
public sealed class DisabledUsersState
{
    /// <summary>User id to the time it was disabled.</summary>
    [Id(0)] public Dictionary<Guid, DateTimeOffset> Users { get; set; } = [];
}
