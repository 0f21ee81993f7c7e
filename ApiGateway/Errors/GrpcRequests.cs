namespace Shop.ApiGateway.Errors;

/// <summary>Tells gRPC calls from REST calls on the shared endpoints.</summary>
public static class GrpcRequests
{
    /// <summary>Whether the request is a gRPC call (content type <c>application/grpc</c>…).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request?.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
