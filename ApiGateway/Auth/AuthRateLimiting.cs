using System.Globalization;
using System.Threading.RateLimiting;

namespace Shop.ApiGateway.Auth;

/// <summary>The fixed-window limiter of the auth endpoints, partitioned by client IP; refusals are 429 with Retry-After.</summary>
public static class AuthRateLimiting
{
    /// <summary>Policy name used by <see cref="AuthService"/>.</summary>
    public const string Policy = "auth";

    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : limits.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }
}
