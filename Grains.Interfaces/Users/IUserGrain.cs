namespace Shop.Users;

/// <summary>
/// One user (key = user id): profile, password hash, roles and refresh-token families. Refresh tokens rotate on
/// every use; presenting a token that was already used revokes its whole family.
/// </summary>
[Alias("shop.users.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Registers the user: claims the e-mail (409 when taken), stores a slow salted hash of the password, grants the
    /// customer role, emits UserRegistered. Validation failures are 400.
    /// </summary>
    [Alias("Register")]
    Task<UserProfile> Register(NewUser user);

    /// <summary>The profile when <paramref name="password"/> is right; null otherwise (or when the user does not exist).</summary>
    [Alias("CheckPassword")]
    Task<UserProfile?> CheckPassword(string password);

    /// <summary>The profile, or null when the user does not exist.</summary>
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfile();

    /// <summary>Changes name or phone; 404 for an unknown user, 400 for bad values.</summary>
    [Alias("UpdateProfile")]
    Task<UserProfile> UpdateProfile(ProfileChanges changes);

    /// <summary>Grants a role. Not reachable from the public API: only operators (the Development seeder) use it.</summary>
    [Alias("GrantRole")]
    Task<UserProfile> GrantRole(string role);

    /// <summary>Starts a new refresh-token family (at login or registration) and returns its first token.</summary>
    [Alias("IssueRefreshToken")]
    Task<string> IssueRefreshToken();

    /// <summary>Exchanges a refresh token for the next one of its family; reuse revokes the family.</summary>
    [Alias("RotateRefreshToken")]
    Task<RefreshRotation> RotateRefreshToken(string refreshToken);

    /// <summary>
    /// Disables the account for shop staff: every refresh token family is revoked, logins and refreshes are refused,
    /// and the user is listed with <see cref="IDisabledUsersGrain"/> so gateways refuse its access tokens. Idempotent.
    /// </summary>
    [Alias("Disable")]
    Task<UserProfile> Disable(Guid adminId);
}
