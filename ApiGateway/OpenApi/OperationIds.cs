using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Stable operation ids, which generated clients turn into method names: the gRPC method's name for transcoded
/// operations (<c>PlaceOrder</c>), the endpoint name or else the verb and path for plain HTTP endpoints.
/// </summary>
public static class OperationIds
{
    /// <summary>The operation id of one described endpoint.</summary>
    public static string For(ApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (OperationMetadata.GrpcMethod(api) is { } method)
        {
            return method;
        }

        if (OperationMetadata.All<IEndpointNameMetadata>(api).FirstOrDefault() is { } name)
        {
            return name.EndpointName;
        }

        var words = (api.RelativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !segment.StartsWith('{') && !string.Equals(segment, "v1", StringComparison.Ordinal))
            .SelectMany(segment => segment.Split('-', '_', '.'))
            .Select(Capitalise);
        return Capitalise((api.HttpMethod ?? "get").ToLowerInvariant()) + string.Concat(words);
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
