namespace Shop.Common;

/// <summary>What kind of refusal a <see cref="ShopException"/> is; the gateway maps each to one status code.</summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or a field is out of range (HTTP 400, gRPC InvalidArgument).</summary>
    Validation = 0,

    /// <summary>The thing asked for does not exist or is not visible to the caller (HTTP 404, gRPC NotFound).</summary>
    NotFound = 1,

    /// <summary>The request conflicts with the current state, e.g. a duplicate (HTTP 409, gRPC AlreadyExists/Aborted).</summary>
    Conflict = 2,

    /// <summary>A business rule refuses the request, e.g. not enough stock (HTTP 422, gRPC FailedPrecondition).</summary>
    BusinessRule = 3,

    /// <summary>The caller is not authenticated (HTTP 401, gRPC Unauthenticated).</summary>
    Unauthenticated = 4,

    /// <summary>The caller may not do this (HTTP 403, gRPC PermissionDenied).</summary>
    Forbidden = 5,

    /// <summary>A dependency is down; retry later (HTTP 503, gRPC Unavailable).</summary>
    Unavailable = 6,
}
