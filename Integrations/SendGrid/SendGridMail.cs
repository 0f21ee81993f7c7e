using System.Text.Json.Serialization;

namespace Shop.Integrations.SendGrid;

/// <summary>The body of <c>POST /v3/mail/send</c> (SendGrid's documented shape, snake_case names).</summary>
internal sealed record SendGridMail(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<SendGridContent> Content);

/// <summary>One personalization: who receives the message.</summary>
internal sealed record SendGridPersonalization([property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To);

/// <summary>An address with an optional display name.</summary>
internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

/// <summary>One part of the message: <c>text/plain</c> or <c>text/html</c>.</summary>
internal sealed record SendGridContent([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("value")] string Value);

/// <summary>Source-generated JSON for the request body.</summary>
[JsonSerializable(typeof(SendGridMail))]
internal sealed partial class SendGridJson : JsonSerializerContext;
