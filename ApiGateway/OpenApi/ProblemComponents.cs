using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Shop.ApiGateway.Errors;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// The <c>Problem</c> schema (what <see cref="ProblemFactory"/> writes: RFC 9457 members plus the shop's
/// <c>code</c>, <c>errors</c> and <c>traceId</c>) and one shared problem+json response per error status, each with
/// an example the shop really sends.
/// </summary>
public sealed class ProblemComponents : IDocumentFilter
{
    /// <summary>Id of the problem schema.</summary>
    public const string SchemaId = "Problem";

    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static readonly Dictionary<int, (string Name, string Detail, string? Code, string? Field)> Examples = new()
    {
        [400] = ("BadRequest", "email is not a valid e-mail address.", "email", "email"),
        [401] = ("Unauthorized", "A valid access token is required.", null, null), // also for any invalid token sent
        [403] = ("Forbidden", "You may not do this.", null, null),
        [404] = ("NotFound", "No product has SKU AUD-HP-999.", "product.not_found", null),
        [409] = ("Conflict", "This e-mail address is registered already.", "user.email_taken", null),
        [413] = ("PayloadTooLarge", "The request body is too large.", null, null),
        [415] = ("UnsupportedMediaType", "The request body must be JSON.", null, null),
        [422] = ("UnprocessableContent", "The cart is empty.", "cart.empty", null),
        [429] = ("TooManyRequests", "Too many requests; retry later.", null, null),
        [503] = ("ServiceUnavailable", "The shop is temporarily unavailable; retry shortly.", null, null),
    };

    /// <summary>Id of the shared response of an error status.</summary>
    public static string ResponseId(int status) =>
        Examples.TryGetValue(status, out var example) ? example.Name : "Status" + status.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components.Schemas[SchemaId] = Schema();
        foreach (var status in Examples.Keys)
        {
            swaggerDoc.Components.Responses[ResponseId(status)] = Response(status);
        }
    }

    private static OpenApiResponse Response(int status)
    {
        var response = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJsonMiddleware.ContentType] = new()
                {
                    Schema = new OpenApiSchema { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = SchemaId } },
                    Example = Example(status),
                },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = "integer", Minimum = 0 },
                Example = new OpenApiInteger(status == StatusCodes.Status429TooManyRequests ? 30 : 1),
            };
        }

        return response;
    }

    private static OpenApiObject Example(int status)
    {
        var (_, detail, code, field) = Examples[status];
        var example = new OpenApiObject
        {
            ["type"] = new OpenApiString($"https://httpwg.org/specs/rfc9110.html#status.{status}"),
            ["title"] = new OpenApiString(ReasonPhrases.GetReasonPhrase(status)),
            ["status"] = new OpenApiInteger(status),
            ["detail"] = new OpenApiString(detail),
        };
        if (code is not null)
        {
            example["code"] = new OpenApiString(code);
        }

        if (field is not null)
        {
            example["errors"] = new OpenApiObject { [field] = new OpenApiArray { new OpenApiString(detail) } };
        }

        example["traceId"] = new OpenApiString(TraceId);
        return example;
    }

    private static OpenApiSchema Schema() => new()
    {
        Type = "object",
        Description = "An error, as RFC 9457 problem details with the shop's own members.",
        Required = new SortedSet<string> { "type", "title", "status", "detail" },
        Properties = new Dictionary<string, OpenApiSchema>
        {
            ["type"] = new() { Type = "string", Format = "uri", Description = "The HTTP status's section of RFC 9110." },
            ["title"] = new() { Type = "string", Description = "The status's reason phrase." },
            ["status"] = new() { Type = "integer", Format = "int32", Description = "The HTTP status." },
            ["detail"] = new() { Type = "string", Description = "What went wrong, for people." },
            ["code"] = new() { Type = "string", Description = "Stable machine-readable refusal, e.g. order.not_found or cart.empty; for a validation error, the invalid field." },
            ["errors"] = new()
            {
                Type = "object",
                Description = "Validation errors: messages per invalid field (the field's JSON path, or a header name).",
                AdditionalProperties = new OpenApiSchema { Type = "array", Items = new OpenApiSchema { Type = "string" } },
            },
            ["traceId"] = new() { Type = "string", Description = "The W3C trace id of the request, for support." },
        },
    };
}
