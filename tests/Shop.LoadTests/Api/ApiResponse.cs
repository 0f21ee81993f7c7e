using System.Text.Json;

namespace Shop.LoadTests.Api;

/// <summary>A shop answer: status, body and the guest cart header.</summary>
public sealed record ApiResponse(int Status, byte[] Body, string? CartId)
{
    /// <summary>How long the shop asks to wait before trying again (Retry-After of a 429 or 503), when it says.</summary>
    public TimeSpan? RetryAfter { get; init; }

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

    /// <summary>
    /// What the shop said, in one line: a problem+json's title and detail, else the start of the body.
    /// </summary>
    public string Explanation()
    {
        try
        {
            var title = Text("title");
            var detail = Text("detail");
            if (title is not null || detail is not null)
            {
                return string.Join(": ", new[] { title, detail }.Where(t => !string.IsNullOrWhiteSpace(t)));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body's start says more than nothing.
        }

        var text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text;
    }
}
