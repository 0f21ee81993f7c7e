using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Shop.ApiGateway.Errors;

/// <summary>Builds the problem+json body of an error response from what is known about it.</summary>
public static class ProblemFactory
{
    /// <summary>
    /// The problem for an error response: from the <c>google.rpc.Status</c> body JSON transcoding wrote (whose gRPC
    /// code decides the HTTP status), or from the bare HTTP status of the pipeline (auth, routing, limits).
    /// </summary>
    public static ProblemDetails Create(int httpStatus, ReadOnlySpan<byte> body, GatewayError? error)
    {
        var (status, detail) = TryReadGrpcStatus(body) is { } grpc
            ? (StatusMapping.ToHttp(grpc.Code), grpc.Message)
            : (httpStatus, DefaultDetail(httpStatus));
        var problem = new ProblemDetails
        {
            Type = $"https://httpwg.org/specs/rfc9110.html#status.{status}",
            Title = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
            Status = status,
            Detail = string.IsNullOrEmpty(detail) ? DefaultDetail(status) : detail,
        };
        if (error is not null)
        {
            problem.Extensions["code"] = error.Code;
            if (error.Field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [problem.Detail] };
            }
        }

        return problem;
    }

    private static (StatusCode Code, string? Message)? TryReadGrpcStatus(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("code", out var code)
                || !code.TryGetInt32(out var value)
                || !Enum.IsDefined((StatusCode)value))
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return ((StatusCode)value, message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status401Unauthorized => "A valid access token is required.",
        StatusCodes.Status403Forbidden => "You may not do this.",
        StatusCodes.Status404NotFound => "No such resource.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed on this resource.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON.",
        StatusCodes.Status429TooManyRequests => "Too many requests; retry later.",
        StatusCodes.Status503ServiceUnavailable => "The shop is temporarily unavailable; retry shortly.",
        _ => "The request failed.",
    };
}
