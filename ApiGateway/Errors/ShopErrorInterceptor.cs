using Grpc.Core;
using Grpc.Core.Interceptors;
using Shop.ServiceDefaults.Errors;

namespace Shop.ApiGateway.Errors;

/// <summary>
/// The one place where refusals (<see cref="Shop.Common.ShopException"/>) and Orleans failures become gRPC statuses.
/// REST clients get the same status as problem+json through <see cref="ProblemJsonMiddleware"/>.
/// </summary>
public sealed partial class ShopErrorInterceptor(DependencyOutage outage, ILogger<ShopErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException && ErrorTranslation.Translate(ex, outage) is { } translated)
        {
            LogRefused(logger, context.Method, translated.Error.StatusCode, translated.Info.Code);
            context.GetHttpContext().Items[typeof(GatewayError)] = translated.Info;
            throw translated.Error;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} refused: {Status} {Code}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode status, string code);
}
