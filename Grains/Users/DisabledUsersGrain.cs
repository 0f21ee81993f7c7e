using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Users;

namespace Shop.Grains.Users;

/// <summary>
/// The recently disabled accounts. Entries older than the access token lifetime are dropped when a user is added, so
/// the list stays as small as the number of accounts disabled within one token lifetime.
/// </summary>
public sealed class DisabledUsersGrain(
    [PersistentState("state", StorageNames.Users)] IPersistentState<DisabledUsersState> state,
    IOptions<AuthOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : Grain, IDisabledUsersGrain
{
    /// <inheritdoc />
    public async Task Add(Guid userId, DateTimeOffset disabledAt)
    {
        if (state.State.Users.ContainsKey(userId))
        {
            return;
        }

        var auth = options.Value;
        var expired = clock.GetUtcNow() - TimeSpan.FromMinutes(auth.AccessTokenMinutes) - TimeSpan.FromSeconds(auth.ClockSkewSeconds);
        foreach (var old in state.State.Users.Where(u => u.Value < expired).Select(u => u.Key).ToList())
        {
            state.State.Users.Remove(old);
        }

        state.State.Users[userId] = disabledAt;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Guid>> List(DateTimeOffset since) =>
        Task.FromResult<IReadOnlyList<Guid>>([.. state.State.Users.Where(u => u.Value >= since).Select(u => u.Key)]);
}
