using System.Security.Claims;
using Grpc.Core;
using Shop.Common;

namespace Shop.ApiGateway.Auth;

/// <summary>Who is calling: the user id from the validated access token.</summary>
public static class Caller
{
    /// <summary>The caller's user id, or null for an anonymous call.</summary>
    public static Guid? UserId(ServerCallContext context) => UserId(context?.GetHttpContext().User);

    /// <summary>The caller's user id, or null when the principal is anonymous.</summary>
    public static Guid? UserId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirst(AccessTokenIssuer.SubjectClaim)?.Value, out var id)
            ? id
            : null;

    /// <summary>The caller's user id; an anonymous call is refused (401).</summary>
    public static Guid RequireUserId(ServerCallContext context) =>
        UserId(context) ?? throw ShopException.Unauthenticated("auth.required", "A valid access token is required.");

    /// <summary>A request header (REST) or metadata entry (gRPC), or null.</summary>
    public static string? Header(ServerCallContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.GetHttpContext().Request.Headers[name];
        return values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(",", values.ToArray());
    }
}
