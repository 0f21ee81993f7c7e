using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Shop.ApiGateway.OpenApi;

/// <summary>What the endpoint behind a documented operation declares about itself (gRPC method, authorization, limits).</summary>
public static class OperationMetadata
{
    /// <summary>The endpoint's metadata of one kind, nearest (method-level) last, as ASP.NET Core applies it.</summary>
    public static IEnumerable<T> All<T>(ApiDescription api) =>
        (api?.ActionDescriptor.EndpointMetadata ?? []).OfType<T>();

    /// <summary>The gRPC method a transcoded operation calls, e.g. <c>PlaceOrder</c>; null for plain HTTP endpoints.</summary>
    public static string? GrpcMethod(ApiDescription api) => All<GrpcMethodMetadata>(api).FirstOrDefault()?.Method.Name;

    /// <summary>The gRPC service a transcoded operation belongs to, e.g. <c>shop.v1.CartService</c>.</summary>
    public static string? GrpcService(ApiDescription api) => All<GrpcMethodMetadata>(api).FirstOrDefault()?.Method.ServiceName;
}
