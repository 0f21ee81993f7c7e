using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Shop.ApiGateway.Errors;

/// <summary>
/// The <c>traceId</c> of every problem+json body is the W3C trace id of the request (32 hex digits): the id its log
/// lines carry (<c>TraceId</c>) and the id of its trace in a trace viewer, so a client's report leads to both.
/// ASP.NET Core's default is the whole <c>traceparent</c> (<c>00-trace-span-01</c>), which matches neither.
/// </summary>
public static class ProblemTraceId
{
    /// <summary>The extension member's name.</summary>
    public const string Member = "traceId";

    /// <summary>Sets <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>.</summary>
    public static void Configure(ProblemDetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CustomizeProblemDetails = context =>
        {
            var activity = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
            context.ProblemDetails.Extensions[Member] = activity is not null
                ? activity.TraceId.ToHexString()
                : context.HttpContext.TraceIdentifier;
        };
    }
}
