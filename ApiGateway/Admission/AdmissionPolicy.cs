using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Shop.ApiGateway.Admission;

/// <summary>
/// The admission of one route class: a concurrency limiter with a small first-come queue. A request beyond both is
/// refused at once with 503 and Retry-After (the problem+json body is written by the error middleware), before
/// authentication, before any grain is called, so a refusal costs next to nothing.
/// </summary>
public sealed class AdmissionPolicy : IRateLimiterPolicy<RouteClass>
{
    private readonly RateLimitPartition<RouteClass> partition;
    private readonly int retryAfterSeconds;

    /// <summary>The policy of <paramref name="routeClass"/> with the limits of <paramref name="options"/>.</summary>
    public AdmissionPolicy(RouteClass routeClass, AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (permits, queue) = Limits(routeClass, options);
        retryAfterSeconds = options.RetryAfterSeconds;
        partition = RateLimitPartition.GetConcurrencyLimiter(routeClass, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Refuse;

    /// <inheritdoc />
    public RateLimitPartition<RouteClass> GetPartition(HttpContext httpContext) => partition;

    /// <summary>The permits and queue length <paramref name="options"/> give <paramref name="routeClass"/>.</summary>
    public static (int Permits, int Queue) Limits(RouteClass routeClass, AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return routeClass switch
        {
            RouteClass.Browse => (options.BrowsePermits, options.BrowseQueue),
            RouteClass.Cart => (options.CartPermits, options.CartQueue),
            RouteClass.Checkout => (options.CheckoutPermits, options.CheckoutQueue),
            _ => throw new ArgumentOutOfRangeException(nameof(routeClass)),
        };
    }

    private ValueTask Refuse(OnRejectedContext context, CancellationToken cancellationToken)
    {
        // The shop is busy, not the client too eager: 503 (429 is the per-client limits' answer).
        context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        RetryAfter.Set(context.HttpContext.Response, retryAfterSeconds);
        return ValueTask.CompletedTask;
    }
}
