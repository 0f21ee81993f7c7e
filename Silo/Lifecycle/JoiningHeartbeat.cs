using Microsoft.Extensions.Options;

namespace Shop.Silo.Lifecycle;

/// <summary>
/// Writes this silo's heartbeat while it is still joining, which Orleans 10 only starts once the silo is active.
/// </summary>
/// <remarks>
/// Why: a joining silo must reach every silo the table calls Active (its initial connectivity check) and probes only
/// the ones that were already stale when it last saw the table change. After every silo crashed, a silo started at
/// once sees the dead rows still fresh; nothing changes in the table afterwards, so it never re-evaluates them, never
/// probes them out and gives up after <see cref="ShopMembershipOptions.MaxJoinAttemptTime"/>. Its own heartbeat is
/// such a change: at the connectivity check's next table read the dead rows are stale, get probed and declared dead,
/// and the join completes. Only this silo's own IAmAlive column is written, as its heartbeat later writes it.
/// </remarks>
public sealed partial class JoiningHeartbeat(
    IMembershipTable table,
    ILocalSiloDetails localSilo,
    ISiloStatusOracle status,
    IOptions<ShopMembershipOptions> options,
    TimeProvider time,
    ILogger<JoiningHeartbeat> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // The stage of the connectivity check: the silo's row exists (Joining) and the check runs concurrently.
        lifecycle.Subscribe(nameof(JoiningHeartbeat), ServiceLifecycleStage.ValidateInitialConnectivity, OnStart, OnStop);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private Task OnStart(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => BeatUntilActive(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task BeatUntilActive(CancellationToken cancellationToken)
    {
        var period = options.Value.IAmAlivePeriod;
        try
        {
            while (status.CurrentStatus is SiloStatus.Created or SiloStatus.Joining)
            {
                await Task.Delay(period, time, cancellationToken);
                await Beat();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task Beat()
    {
        try
        {
            var rows = await table.ReadRowAsync(localSilo.SiloAddress);
            var own = rows.Members.Select(row => row.Item1).FirstOrDefault(entry => entry.SiloAddress.Equals(localSilo.SiloAddress));
            if (own is not { Status: SiloStatus.Joining })
            {
                return;
            }

            own.IAmAliveTime = time.GetUtcNow().UtcDateTime;
            await table.UpdateIAmAliveAsync(own);
            LogBeat(logger, localSilo.SiloAddress);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next beat tries again; the membership agent reports table outages itself.
            LogBeatFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Joining silo {Silo} wrote its heartbeat.")]
    private static partial void LogBeat(ILogger logger, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Joining silo could not write its heartbeat.")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
