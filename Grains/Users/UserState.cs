namespace Shop.Grains.Users;

/// <summary>The persisted state of a user.</summary>
[GenerateSerializer, Alias("shop.grains.users.UserState")]
public sealed class UserState
{
    /// <summary>Whether the user registered.</summary>
    [Id(0)] public bool Registered { get; set; }

    /// <summary>E-mail address as given.</summary>
    [Id(1)] public string Email { get; set; } = "";

    /// <summary>Display name.</summary>
    [Id(2)] public string Name { get; set; } = "";

    /// <summary>Phone number.</summary>
    [Id(3)] public string? Phone { get; set; }

    /// <summary>Roles.</summary>
    [Id(4)] public List<string> Roles { get; set; } = [];

    /// <summary>The self-describing password hash.</summary>
    [Id(5)] public string PasswordHash { get; set; } = "";

    /// <summary>When the user registered.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refresh-token families (sessions).</summary>
    [Id(7)] public List<RefreshTokenFamily> RefreshFamilies { get; set; } = [];

    /// <summary>When shop staff disabled the account; null while it is enabled.</summary>
    [Id(8)] public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The admin who disabled it.</summary>
    [Id(9)] public Guid? DisabledBy { get; set; }
}
