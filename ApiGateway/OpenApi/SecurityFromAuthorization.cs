using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Marks each operation with the security its endpoint really has, read from its authorization metadata
/// (<c>[Authorize]</c>, <c>[Authorize(Roles = ...)]</c>, <c>[AllowAnonymous]</c>): a bearer token where one is required,
/// none where the endpoint is anonymous, and an optional one where an anonymous endpoint still reads the caller
/// (the cart: a signed-in shopper gets their own).
/// </summary>
public sealed class SecurityFromAuthorization : IOperationFilter
{
    /// <summary>Name of the bearer scheme in the document's components.</summary>
    public const string BearerScheme = "bearer";

    private static readonly OpenApiSecurityScheme BearerReference = new()
    {
        Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme },
    };

    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var access = EndpointAccess.Of(context.ApiDescription);
        operation.Security = access switch
        {
            Access.Anonymous => [new OpenApiSecurityRequirement()],
            Access.OptionalToken => [new OpenApiSecurityRequirement(), Bearer()],
            _ => [Bearer()],
        };
        if (access == Access.Role && EndpointAccess.Roles(context.ApiDescription) is { Count: > 0 } roles)
        {
            operation.Description = Join(operation.Description, $"Requires the {string.Join(" or ", roles)} role.");
        }
    }

    private static OpenApiSecurityRequirement Bearer() => new() { [BearerReference] = [] };

    private static string Join(string? text, string sentence) => string.IsNullOrEmpty(text) ? sentence : text + "\n\n" + sentence;
}
