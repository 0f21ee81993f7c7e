using Microsoft.Extensions.Options;
using Shop.ApiGateway.Admission;

namespace Shop.ApiGateway.Errors;

/// <summary>
/// Turns every REST error response (transcoded gRPC statuses, malformed JSON, authentication and authorization
/// refusals, unknown routes, oversized bodies, rate limits) into <c>application/problem+json</c> with the right HTTP
/// status. gRPC calls pass untouched: their errors are statuses already.
/// </summary>
public sealed partial class ProblemJsonMiddleware(
    RequestDelegate next, IProblemDetailsService problemDetails, IOptions<AdmissionOptions> admission, ILogger<ProblemJsonMiddleware> logger)
{
    /// <summary>Content type of problem bodies.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Runs the rest of the pipeline and rewrites its error response.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (GrpcRequests.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var capture = new ErrorCaptureStream(original, context.Response);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, ex, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && capture.IsCapturing && !context.Response.HasStarted)
        {
            await WriteProblemAsync(context, capture.Captured);
        }
    }

    private async Task WriteProblemAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var error = context.Items.TryGetValue(typeof(GatewayError), out var item) ? item as GatewayError : null;
        var problem = context.Items.ContainsKey(LimitedRequestStream.TooLargeKey)
            ? ProblemFactory.Create(StatusCodes.Status413PayloadTooLarge, [], null)
            : ProblemFactory.Create(context.Response.StatusCode, body.Span, error);
        context.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Every 503 says when to come back: admission refusals, grain calls past their deadline, outages.
            RetryAfter.Set(context.Response, admission.Value.RetryAfterSeconds);
        }

        context.Response.Headers.ContentLength = null;
        context.Response.ContentType = ContentType;
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        if (!written)
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ContentType);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
