namespace Shop.Grains.Users;

/// <summary>The persisted state of an e-mail index entry.</summary>
[GenerateSerializer, Alias("shop.grains.users.UserEmailState")]
public sealed class UserEmailState
{
    /// <summary>The user who owns the e-mail address.</summary>
    [Id(0)] public Guid? Owner { get; set; }
}
