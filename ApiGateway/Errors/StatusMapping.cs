using Grpc.Core;
using Shop.Common;

namespace Shop.ApiGateway.Errors;

/// <summary>The one table from refusal kinds to gRPC status codes, and from gRPC status codes to HTTP statuses.</summary>
public static class StatusMapping
{
    /// <summary>The gRPC status of a refusal kind.</summary>
    public static StatusCode ToGrpc(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCode.InvalidArgument,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.Conflict => StatusCode.AlreadyExists,
        ErrorKind.BusinessRule => StatusCode.FailedPrecondition,
        ErrorKind.Unauthenticated => StatusCode.Unauthenticated,
        ErrorKind.Forbidden => StatusCode.PermissionDenied,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    /// <summary>The HTTP status a REST client gets for a gRPC status.</summary>
    public static int ToHttp(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.FailedPrecondition => StatusCodes.Status422UnprocessableEntity,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Cancelled => 499,
        _ => StatusCodes.Status500InternalServerError,
    };
}
