using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Shop.ApiGateway.Hosting;

namespace Shop.ApiGateway.Errors;

/// <summary>
/// Refuses request bodies over <see cref="GatewayOptions.MaxRequestBodyBytes"/> with 413 before anything reads them
/// (declared lengths at once, streamed bodies as they are read).
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    /// <summary>Checks the declared length, then lets the request through.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        if (context.Request.ContentLength is null && !GrpcRequests.IsGrpc(context.Request))
        {
            context.Request.Body = new LimitedRequestStream(context.Request.Body, _limit, context);
        }

        return next(context);
    }
}
