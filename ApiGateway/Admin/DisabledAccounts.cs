using System.Collections.Concurrent;

namespace Shop.ApiGateway.Admin;

/// <summary>
/// The accounts this gateway refuses access tokens of: those shop staff disabled within one access token lifetime, as
/// <see cref="DisabledAccountsPoller"/> last read them from the cluster, plus those disabled through this gateway.
/// </summary>
public sealed class DisabledAccounts
{
    private readonly ConcurrentDictionary<Guid, bool> users = new();

    /// <summary>Whether the user's tokens are refused.</summary>
    public bool IsDisabled(Guid userId) => users.ContainsKey(userId);

    /// <summary>Refuses the user's tokens from now on.</summary>
    public void Add(Guid userId) => users[userId] = true;

    /// <summary>Takes the cluster's list; accounts no longer listed (their tokens have expired) are forgotten.</summary>
    public void Replace(IReadOnlyCollection<Guid> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        foreach (var userId in listed)
        {
            users[userId] = true;
        }

        foreach (var gone in users.Keys.Except(listed).ToList())
        {
            users.TryRemove(gone, out _);
        }
    }
}
