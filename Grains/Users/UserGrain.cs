using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Users;

namespace Shop.Grains.Users;

/// <summary>One user (key = user id): profile, password hash, roles, refresh-token families.</summary>
public sealed class UserGrain(
    [PersistentState("state", StorageNames.Users)] IPersistentState<UserState> state,
    IPasswordHasher hasher,
    ISagaEventPublisher publisher,
    IOptions<AuthOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : Grain, IUserGrain
{
    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Password length bounds.</summary>
    public const int MinPasswordLength = 8, MaxPasswordLength = 128;

    private UserState S => state.State;

    private Guid UserId => this.GetPrimaryKey();

    /// <inheritdoc />
    public async Task<UserProfile> Register(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (S.Registered)
        {
            throw ShopException.Conflict("user.exists", "This user is registered already.");
        }

        if (!EmailAddress.IsValid(user.Email))
        {
            throw ShopException.Validation("email", "A valid e-mail address is required.");
        }

        if (user.Password is null || user.Password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            throw ShopException.Validation("password", $"Password must be {MinPasswordLength} to {MaxPasswordLength} characters.");
        }

        var name = ValidName(user.Name);
        var owner = await GrainFactory.GetGrain<IUserEmailGrain>(EmailAddress.Normalize(user.Email)).Claim(UserId);
        if (owner != UserId)
        {
            throw ShopException.Conflict("user.email_taken", "This e-mail address is registered already.");
        }

        var password = user.Password;
        var hash = await Task.Run(() => hasher.Hash(password));
        var now = clock.GetUtcNow();
        S.Registered = true;
        S.Email = user.Email.Trim();
        S.Name = name;
        S.Roles = [Roles.Customer];
        S.PasswordHash = hash;
        S.CreatedAt = now;
        await state.WriteStateAsync();
        await publisher.Publish(new UserRegistered { EventId = Guid.NewGuid(), UserId = UserId, Email = S.Email, Name = S.Name, OccurredAt = now });
        return Profile();
    }

    /// <inheritdoc />
    public async Task<UserProfile?> CheckPassword(string password)
    {
        var candidate = password ?? "";
        if (!S.Registered)
        {
            // Costs what a real check costs, so response times do not tell which users exist.
            await Task.Run(() => hasher.Hash(candidate));
            return null;
        }

        var encoded = S.PasswordHash;
        // A disabled account pays the same cost and reads as a wrong password: nothing tells it apart.
        return await Task.Run(() => hasher.Verify(candidate, encoded)) && S.DisabledAt is null ? Profile() : null;
    }

    /// <inheritdoc />
    public Task<UserProfile?> GetProfile() => Task.FromResult(S.Registered ? Profile() : null);

    /// <inheritdoc />
    public async Task<UserProfile> UpdateProfile(ProfileChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        EnsureRegistered();
        var name = changes.Name is null ? S.Name : ValidName(changes.Name);
        var phone = changes.Phone switch
        {
            null => S.Phone,
            "" => null,
            var p when p.Length <= 32 && p.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')') => p,
            _ => throw ShopException.Validation("phone", "Phone must be up to 32 digits, spaces and + - ( )."),
        };
        S.Name = name;
        S.Phone = phone;
        await state.WriteStateAsync();
        return Profile();
    }

    /// <inheritdoc />
    public async Task<UserProfile> GrantRole(string role)
    {
        if (role is not (Roles.Customer or Roles.Admin))
        {
            throw ShopException.Validation("role", $"Unknown role '{role}'.");
        }

        EnsureRegistered();
        if (!S.Roles.Contains(role))
        {
            S.Roles.Add(role);
            await state.WriteStateAsync();
        }

        return Profile();
    }

    /// <inheritdoc />
    public async Task<string> IssueRefreshToken()
    {
        EnsureRegistered();
        var token = RefreshTokens.Issue(
            S.RefreshFamilies, UserId, clock.GetUtcNow(), options.Value.RefreshTokenLifetime, options.Value.MaxRefreshFamilies);
        await state.WriteStateAsync();
        return token;
    }

    /// <inheritdoc />
    public async Task<RefreshRotation> RotateRefreshToken(string refreshToken)
    {
        if (!S.Registered || S.DisabledAt is not null)
        {
            return new RefreshRotation();
        }

        var (outcome, token) = RefreshTokens.Rotate(S.RefreshFamilies, UserId, refreshToken, clock.GetUtcNow(), options.Value.RefreshTokenLifetime);
        if (outcome == RefreshRotationOutcome.Refused)
        {
            return new RefreshRotation();
        }

        await state.WriteStateAsync();
        return outcome == RefreshRotationOutcome.Rotated
            ? new RefreshRotation { RefreshToken = token, Profile = Profile() }
            : new RefreshRotation { ReuseDetected = true };
    }

    /// <inheritdoc />
    public async Task<UserProfile> Disable(Guid adminId)
    {
        EnsureRegistered();
        if (S.DisabledAt is null)
        {
            S.DisabledAt = clock.GetUtcNow();
            S.DisabledBy = adminId;
            S.RefreshFamilies.Clear();
            await state.WriteStateAsync();
        }

        // Also on a repeat: a retry after a failed listing lists it now.
        await GrainFactory.GetGrain<IDisabledUsersGrain>(0).Add(UserId, S.DisabledAt.Value);
        return Profile();
    }

    private void EnsureRegistered()
    {
        if (!S.Registered)
        {
            throw ShopException.NotFound("user.not_found", "No such user.");
        }
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength
            ? throw ShopException.Validation("name", $"Name must be 1 to {MaxNameLength} characters.")
            : trimmed;
    }

    private UserProfile Profile() => new()
    {
        UserId = UserId,
        Email = S.Email,
        Name = S.Name,
        Roles = [.. S.Roles],
        Phone = S.Phone,
        CreatedAt = S.CreatedAt,
        Disabled = S.DisabledAt is not null,
    };
}
