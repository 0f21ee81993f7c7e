namespace Shop.Users;

/// <summary>The e-mail -> user id index (key = normalised e-mail), so an e-mail belongs to one user.</summary>
[Alias("shop.users.IUserEmailGrain")]
public interface IUserEmailGrain : IGrainWithStringKey
{
    /// <summary>Claims the e-mail for <paramref name="userId"/>; returns the owner (the caller when the claim won).</summary>
    [Alias("Claim")]
    Task<Guid> Claim(Guid userId);

    /// <summary>The owner of the e-mail, or null.</summary>
    [Alias("GetUserId")]
    Task<Guid?> GetUserId();
}
