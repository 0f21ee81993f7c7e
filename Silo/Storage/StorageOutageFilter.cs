using Shop.Common;

namespace Shop.Silo.Storage;

/// <summary>
/// Turns a storage outage inside a grain call into a <see cref="ShopException"/> of kind Unavailable, so every client
/// (gRPC, REST, another grain) sees a retryable 503 instead of an internal error, and deactivates the grain: a failed
/// write leaves changes in memory that never reached storage, and the next call must read the stored state again.
/// This is done in the silo rather than the gateway because only the silo sees the call target and can drop it.
/// Failures while a grain activates never reach this filter; the gateway classifies those with
/// <see cref="StorageOutage.IsCause"/> too.
/// </summary>
public sealed partial class StorageOutageFilter(ILogger<StorageOutageFilter> logger) : IIncomingGrainCallFilter
{
    /// <inheritdoc />
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (ex is not ShopException && StorageOutage.IsCause(ex))
        {
            LogOutage(logger, ex, context.TargetId, context.MethodName);
            context.TargetContext.Deactivate(
                new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, "Storage outage: reload state on the next call."));
            throw StorageOutage.ToRefusal();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during {Grain}.{Method}; the activation is dropped")]
    private static partial void LogOutage(ILogger logger, Exception exception, GrainId grain, string method);
}
