using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Shop.ServiceDefaults.Health;

/// <summary>
/// The probes every Shop host serves: <c>/healthz</c> (liveness: the process answers, no check runs) and
/// <c>/readyz</c> (readiness: the checks tagged <see cref="ReadyTag"/>).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of checks that belong on <c>/readyz</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The liveness probe's path.</summary>
    public const string LivePath = "/healthz";

    /// <summary>The readiness probe's path.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>Maps both probes, anonymous.</summary>
    public static IEndpointRouteBuilder MapShopHealthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
