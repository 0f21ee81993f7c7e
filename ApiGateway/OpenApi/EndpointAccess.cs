using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Shop.ApiGateway.OpenApi;

/// <summary>Reads an endpoint's access from its authorization metadata.</summary>
public static class EndpointAccess
{
    /// <summary>The access of a described endpoint.</summary>
    public static Access Of(ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (OperationMetadata.All<IAllowAnonymous>(api).Any())
        {
            return ShopHeaders.ReadsCallerOptionally(api) ? Access.OptionalToken : Access.Anonymous;
        }

        var authorize = OperationMetadata.All<IAuthorizeData>(api).ToList();
        if (authorize.Count == 0)
        {
            // The gateway sets no fallback policy: an endpoint without [Authorize] is open.
            return Access.Anonymous;
        }

        return authorize.Any(data => !string.IsNullOrEmpty(data.Roles) || !string.IsNullOrEmpty(data.Policy))
            ? Access.Role
            : Access.SignedIn;
    }

    /// <summary>The roles an endpoint requires (any one of them).</summary>
    public static IReadOnlyList<string> Roles(ApiDescription api) =>
        OperationMetadata.All<IAuthorizeData>(api)
            .SelectMany(data => (data.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
