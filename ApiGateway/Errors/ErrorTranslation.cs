using Grpc.Core;
using Shop.Common;
using Shop.ServiceDefaults.Errors;

namespace Shop.ApiGateway.Errors;

/// <summary>Turns the exceptions a service method may see into the status a client gets.</summary>
public static class ErrorTranslation
{
    /// <summary>Metadata key (gRPC trailer) carrying <see cref="ShopException.Code"/>.</summary>
    public const string CodeTrailer = "shop-error-code";

    /// <summary>
    /// The client-facing error for <paramref name="exception"/>, or null when it is not a known refusal or an
    /// infrastructure failure (then it is a bug and stays an internal error). <paramref name="outage"/> tells a
    /// dependency that is down.
    /// </summary>
    public static (RpcException Error, GatewayError Info)? Translate(Exception exception, DependencyOutage outage) => exception switch
    {
        ShopException shop => Refusal(shop),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException =>
            Build(StatusCode.Unavailable, "service.unavailable", "The shop is temporarily unavailable; retry shortly.", null),
        // A grain whose state cannot be read fails to activate before the silo's outage filter sees the call.
        _ when outage.IsCause(exception) => Refusal(DependencyOutage.ToRefusal()),
        _ => null,
    };

    private static (RpcException, GatewayError) Refusal(ShopException shop) =>
        Build(StatusMapping.ToGrpc(shop.Kind), shop.Code, shop.Message, shop.Kind == ErrorKind.Validation ? shop.Code : null);

    private static (RpcException, GatewayError) Build(StatusCode code, string errorCode, string message, string? field)
    {
        var trailers = new Metadata { { CodeTrailer, errorCode } };
        return (new RpcException(new Status(code, message), trailers), new GatewayError(errorCode, field));
    }
}
