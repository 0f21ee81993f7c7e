using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi.Models;
using Shop.ApiGateway.Auth;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// The error statuses an operation can answer. Most follow from the endpoint itself: input can be invalid (400), a body
/// too large (413) or not JSON (415), a path can name nothing (404), a token can be missing or invalid (401), a role
/// missing (403), a rate limit can be hit (429), the cluster can be unreachable (503). The business refusals a message cannot
/// show (a taken e-mail, an empty cart at checkout) are listed per gRPC method, from the grains' refusals.
/// </summary>
public static class RefusalStatuses
{
    private static readonly Dictionary<string, int[]> BusinessRefusals = new(StringComparer.Ordinal)
    {
        ["Register"] = [409], // user.email_taken
        ["Login"] = [401], // auth.invalid_credentials
        ["Refresh"] = [401], // auth.invalid_refresh_token, auth.refresh_token_reused
        ["AddCartItem"] = [404, 422], // product.not_found; currency.mismatch, cart.too_many_lines
        ["CreateProduct"] = [409], // product.exists
        ["SetStock"] = [422], // below the units held by orders in progress
        ["AdjustStock"] = [422],
        ["PlaceOrder"] = [409, 422], // order.id_taken; cart.empty, a product no longer sold
        ["CancelOrder"] = [422], // order.already_confirmed
    };

    /// <summary>The error statuses of one operation, ascending.</summary>
    public static IReadOnlyList<int> Of(ApiDescription api, OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(operation);
        // Every route refuses an Authorization header that does not authenticate (RejectInvalidTokenMiddleware).
        var statuses = new SortedSet<int> { 401 };
        var method = OperationMetadata.GrpcMethod(api);
        if (method is null)
        {
            // Plain HTTP endpoints declare their own refusals (Produces/ProducesProblem).
            statuses.UnionWith(operation.Responses.Keys.Select(Status).Where(status => status >= 400));
            return [.. statuses];
        }

        if (operation.Parameters.Count > 0 || operation.RequestBody is not null)
        {
            statuses.Add(400);
        }

        if (operation.RequestBody is not null)
        {
            statuses.UnionWith([413, 415]);
        }

        if (operation.Parameters.Any(parameter => parameter.In == ParameterLocation.Path))
        {
            statuses.Add(404);
        }

        if (EndpointAccess.Of(api) is Access.Role)
        {
            statuses.Add(403);
        }

        // 429 is the per-client limit of the auth endpoints; the route classes' admission refuses with 503.
        if (OperationMetadata.All<EnableRateLimitingAttribute>(api).Any(limit => limit.PolicyName == AuthRateLimiting.Policy))
        {
            statuses.Add(429);
        }

        statuses.Add(503);
        statuses.UnionWith(BusinessRefusals.GetValueOrDefault(method, []));
        return [.. statuses];
    }

    private static int Status(string key) => int.TryParse(key, out var status) ? status : 0;
}
