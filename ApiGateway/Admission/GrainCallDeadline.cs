using Microsoft.Extensions.Options;

namespace Shop.ApiGateway.Admission;

/// <summary>
/// The deadline of the gateway's grain calls (<see cref="AdmissionOptions.GrainCallDeadlineSeconds"/>): a call made
/// while serving an HTTP request that has not answered by then fails with <see cref="TimeoutException"/>, which the
/// error translation answers as 503 with Retry-After. Orleans would otherwise keep the caller for its 30 s response
/// timeout. Calls made by grains (the saga) and by background work are left to Orleans' own timeout: nobody waits on
/// them, and an accepted order must finish.
/// </summary>
public sealed class GrainCallDeadline(IOptions<AdmissionOptions> options, IHttpContextAccessor http, TimeProvider time) : IOutgoingGrainCallFilter
{
    private readonly TimeSpan deadline = TimeSpan.FromSeconds(options.Value.GrainCallDeadlineSeconds);

    /// <inheritdoc />
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SourceContext is not null || http.HttpContext is null)
        {
            return context.Invoke();
        }

        // The grain may still finish the call; its answer is dropped. Placing an order is idempotent by its key, so
        // a shopper told 503 retries with the same Idempotency-Key and gets the order that was placed.
        return context.Invoke().WaitAsync(deadline, time);
    }
}
