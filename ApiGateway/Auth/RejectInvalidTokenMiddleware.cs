using Microsoft.Net.Http.Headers;

namespace Shop.ApiGateway.Auth;

/// <summary>
/// A request that presents an Authorization header which does not authenticate is refused with 401, also on endpoints
/// that allow anonymous callers: a client that believes it is logged in must not silently become a guest.
/// </summary>
public sealed class RejectInvalidTokenMiddleware(RequestDelegate next)
{
    /// <summary>Checks the header against the authentication result.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization) && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
