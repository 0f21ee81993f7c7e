using Grpc.Core;
using Shop.ApiGateway.Errors;

namespace Shop.ApiGateway.Orders;

/// <summary>Makes a successful REST answer 202 Accepted (the order is accepted, the saga runs on); gRPC is unchanged.</summary>
public static class AcceptedStatus
{
    /// <summary>Switches the REST response of this call to 202 when it is about to be sent as 200.</summary>
    public static void Apply(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (GrpcRequests.IsGrpc(http.Request))
        {
            return;
        }

        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                http.Response.StatusCode = StatusCodes.Status202Accepted;
            }

            return Task.CompletedTask;
        });
    }
}
