using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.Hosting;

/// <summary>Documents POST /v1/orders as answering 202 Accepted (what the REST endpoint sends), not 200.</summary>
public sealed class AcceptedResponseFilter : IOperationFilter
{
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var api = context.ApiDescription;
        if (string.Equals(api.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
            && string.Equals(api.RelativePath, "v1/orders", StringComparison.OrdinalIgnoreCase)
            && operation.Responses.Remove("200", out var ok))
        {
            ok.Description = "Accepted: the order is placed and the saga runs on.";
            operation.Responses["202"] = ok;
        }
    }
}
