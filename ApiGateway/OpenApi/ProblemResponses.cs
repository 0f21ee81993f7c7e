using System.Globalization;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Replaces the generated <c>default</c> error (a gRPC <c>google.rpc.Status</c> as <c>application/json</c>, which REST
/// clients never receive) with the <c>application/problem+json</c> responses each operation really answers, shared
/// from the document's components.
/// </summary>
public sealed class ProblemResponses : IOperationFilter
{
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var statuses = RefusalStatuses.Of(context.ApiDescription, operation);
        operation.Responses.Remove("default");
        foreach (var status in statuses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Reference = new OpenApiReference { Type = ReferenceType.Response, Id = ProblemComponents.ResponseId(status) },
            };
        }
    }
}
