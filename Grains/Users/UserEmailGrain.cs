using Shop.Common;
using Shop.Users;

namespace Shop.Grains.Users;

/// <summary>
/// The e-mail to user id index (key = normalised e-mail). The first claimer wins; when the recorded owner never
/// finished registering (no profile), a later claim takes the address over.
/// </summary>
public sealed class UserEmailGrain(
    [PersistentState("state", StorageNames.Users)] IPersistentState<UserEmailState> state) : Grain, IUserEmailGrain
{
    /// <inheritdoc />
    public async Task<Guid> Claim(Guid userId)
    {
        if (state.State.Owner is { } owner && owner != userId
            && await GrainFactory.GetGrain<IUserGrain>(owner).GetProfile() is not null)
        {
            return owner;
        }

        if (state.State.Owner != userId)
        {
            state.State.Owner = userId;
            await state.WriteStateAsync();
        }

        return userId;
    }

    /// <inheritdoc />
    public Task<Guid?> GetUserId() => Task.FromResult(state.State.Owner);
}
