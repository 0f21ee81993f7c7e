using System.Text.Json;

namespace Shop.LoadTests.Api;

/// <summary>A shop answer: status, body and the guest cart header.</summary>
public sealed record ApiResponse(int Status, byte[] Body, string? CartId)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>The body as JSON.</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body);

    /// <summary>A string property of the top-level JSON object, or null.</summary>
    public string? Text(string property)
    {
        using var json = Json();
        return json.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>The failure reason used in reports: "HTTP 503" and the like.</summary>
    public string Reason => $"HTTP {Status}";
}
