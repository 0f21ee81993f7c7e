using System.Text.RegularExpressions;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// The document's own parts: what the API is, its server, a description per tag, and no schema that no
/// operation uses (the gRPC status types the REST API never sends).
/// </summary>
public sealed partial class DocumentTidy : IDocumentFilter
{
    // The gRPC services' tags get their descriptions from the services' XML comments; these are the other endpoints'.
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Payments"] = "The payment provider's configuration and Stripe's webhook.",
    };

    /// <inheritdoc />
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Info.Description =
            "The REST face of Shop's gRPC services (JSON transcoding). Money is integer minor units plus an ISO 4217 code. "
            + "Errors are application/problem+json with a stable `code` and, for invalid input, `errors` per field. "
            + "Guests name their cart with the X-Cart-Id header the first cart call issues; checkout takes an Idempotency-Key.";
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The gateway that serves this document." }];
        var used = swaggerDoc.Paths.Values.SelectMany(path => path.Operations.Values).SelectMany(o => o.Tags).Select(t => t.Name).ToHashSet();
        swaggerDoc.Tags = [.. swaggerDoc.Tags ?? [], .. TagDescriptions.Where(tag => used.Contains(tag.Key))
            .Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value })];
        RemoveUnusedSchemas(swaggerDoc);
    }

    // A schema is used when the paths or the shared responses reach it, directly or through other schemas.
    private static void RemoveUnusedSchemas(OpenApiDocument document)
    {
        var schemas = document.Components.Schemas;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(SchemaRefs(Serialize(document.Paths) + Serialize(document.Components.Responses)));
        while (pending.TryDequeue(out var id))
        {
            if (reached.Add(id) && schemas.TryGetValue(id, out var schema))
            {
                foreach (var next in SchemaRefs(Serialize(schema)))
                {
                    pending.Enqueue(next);
                }
            }
        }

        foreach (var id in schemas.Keys.Where(id => !reached.Contains(id)).ToList())
        {
            schemas.Remove(id);
        }
    }

    private static string Serialize(Microsoft.OpenApi.Interfaces.IOpenApiSerializable element)
    {
        using var text = new StringWriter();
        element.SerializeAsV3(new Microsoft.OpenApi.Writers.OpenApiJsonWriter(text));
        return text.ToString();
    }

    private static string Serialize(IDictionary<string, OpenApiResponse> responses) =>
        string.Concat(responses.Values.Select(Serialize));

    private static IEnumerable<string> SchemaRefs(string json) =>
        SchemaRef().Matches(json).Select(match => match.Groups[1].Value);

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaRef();
}
