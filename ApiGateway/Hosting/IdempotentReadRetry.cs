namespace Shop.ApiGateway.Hosting;

/// <summary>
/// Client mode: retries a grain call made for a GET or HEAD request when it failed because the silo or gateway it went
/// to is gone (killed, or leaving in a rolling restart), so reads ride out the seconds until the cluster has declared
/// that silo dead and the grain is activated elsewhere. Writes are not retried here: whether they took effect is unknown,
/// so they answer 503 with Retry-After and the caller retries with its idempotency key.
/// </summary>
public sealed partial class IdempotentReadRetry(IHttpContextAccessor http, TimeProvider time, ILogger<IdempotentReadRetry> logger)
    : IOutgoingGrainCallFilter
{
    /// <summary>Waits before the second and third attempt: long enough for the client to drop a dead gateway.</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    /// <inheritdoc />
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = http.HttpContext;
        if (request is null || !(HttpMethods.IsGet(request.Request.Method) || HttpMethods.IsHead(request.Request.Method)))
        {
            await context.Invoke();
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var failure = await InvokeOnce(context);
            if (failure is null || attempt >= Backoff.Length || !IsTransient(failure) || request.RequestAborted.IsCancellationRequested)
            {
                if (failure is not null && context.Response is null)
                {
                    throw failure;
                }

                return;
            }

            LogRetry(logger, context.InterfaceMethod?.Name ?? "call", attempt + 1, failure.GetType().Name);
            await Task.Delay(Backoff[attempt], time, request.RequestAborted);
        }
    }

    /// <summary>Whether the failure says the call never reached a live grain (safe to send again).</summary>
    public static bool IsTransient(Exception failure) =>
        failure is SiloUnavailableException or OrleansMessageRejectionException;

    private static async Task<Exception?> InvokeOnce(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
            return context.Response?.Exception;
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            return ex;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying read {Method} (attempt {Attempt}) after {Failure}.")]
    private static partial void LogRetry(ILogger logger, string method, int attempt, string failure);
}
