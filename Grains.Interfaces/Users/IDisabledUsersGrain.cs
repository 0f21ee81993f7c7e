namespace Shop.Users;

/// <summary>
/// The accounts shop staff disabled recently (one grain, key 0): the gateways poll it and refuse access tokens of these
/// users until the tokens have expired. An account is listed for as long as an access token issued before it was
/// disabled may still be valid; after that its refresh refusal alone keeps it out.
/// </summary>
[Alias("shop.users.IDisabledUsersGrain")]
public interface IDisabledUsersGrain : IGrainWithIntegerKey
{
    /// <summary>Lists a disabled user (idempotent).</summary>
    [Alias("Add")]
    Task Add(Guid userId, DateTimeOffset disabledAt);

    /// <summary>The users disabled at or after <paramref name="since"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Guid>> List(DateTimeOffset since);
}
