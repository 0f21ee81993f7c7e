namespace Shop.Users;

/// <summary>The roles a user can hold.</summary>
public static class Roles
{
    /// <summary>Every registered user.</summary>
    public const string Customer = "customer";

    /// <summary>Manages the catalog and stock.</summary>
    public const string Admin = "admin";
}
