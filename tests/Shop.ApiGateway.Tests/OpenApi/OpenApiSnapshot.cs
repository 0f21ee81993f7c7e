using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shop.ApiGateway.Tests.OpenApi;

/// <summary>
/// The committed copy of the served OpenAPI document (<c>docs/openapi/v1.json</c>), which Redocly lints and the
/// storefront's types are generated from. Written indented with a final newline, so a diff of it reads well.
/// </summary>
public static class OpenApiSnapshot
{
    /// <summary>Set to 1 to rewrite the snapshot from the served document instead of failing on a difference.</summary>
    public const string UpdateVariable = "SHOP_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The snapshot's path in the repository.</summary>
    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

    /// <summary>Whether this run rewrites the snapshot.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>A document as the snapshot holds it.</summary>
    public static string Format(JsonNode document) => document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>The committed snapshot, or null when there is none.</summary>
    public static string? Read() => File.Exists(Path) ? File.ReadAllText(Path, Encoding.UTF8) : null;

    /// <summary>Replaces the snapshot.</summary>
    public static void Write(string text) => File.WriteAllText(Path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Shop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }
}
