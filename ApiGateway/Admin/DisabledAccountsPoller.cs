using Microsoft.Extensions.Options;
using Shop.Users;

namespace Shop.ApiGateway.Admin;

/// <summary>
/// Reads the recently disabled accounts from the cluster every <see cref="PollPeriod"/>, so every gateway refuses a
/// disabled account's access tokens well within their lifetime (the gateway that disabled it does so at once).
/// </summary>
public sealed partial class DisabledAccountsPoller(
    IGrainFactory grains,
    DisabledAccounts accounts,
    IOptions<AuthOptions> auth,
    TimeProvider clock,
    ILogger<DisabledAccountsPoller> logger) : BackgroundService
{
    /// <summary>How often the list is read.</summary>
    public static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Reads the list once (the loop calls it every period).</summary>
    public async Task PollAsync()
    {
        var lifetime = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes) + TimeSpan.FromSeconds(auth.Value.ClockSkewSeconds);
        accounts.Replace([.. await grains.GetGrain<IDisabledUsersGrain>(0).List(clock.GetUtcNow() - lifetime)]);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollPeriod, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster may be starting or away; the last list stays in force and the next tick retries.
                LogPollFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the disabled accounts failed; the last list stays in force.")]
    private partial void LogPollFailed(Exception ex);
}
