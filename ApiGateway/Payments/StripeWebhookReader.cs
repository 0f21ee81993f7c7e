using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Payments;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// Verifies a webhook request (<see cref="StripeSignature"/>) and maps the handled event types to payment events:
/// <c>payment_intent.succeeded</c>, <c>payment_intent.payment_failed</c> and <c>charge.refunded</c>.
/// </summary>
public sealed class StripeWebhookReader(IOptions<StripeWebhookSettings> options, TimeProvider clock)
{
    /// <summary>The metadata key under which the silo's Stripe payment gateway stores the order id.</summary>
    public const string OrderIdMetadataKey = "order_id";

    /// <summary>Whether an endpoint secret is configured (without one every webhook is refused).</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.WebhookSecret);

    /// <summary>Verifies and reads one webhook request; throws <see cref="WebhookRejectedException"/> when it is not genuine.</summary>
    public StripeEvent Read(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.WebhookSecret))
        {
            throw new WebhookRejectedException("No webhook secret is configured.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new WebhookRejectedException("The Stripe-Signature header is missing.");
        }

        StripeSignature.Verify(payload, signatureHeader, settings.WebhookSecret, settings.WebhookTolerance, clock.GetUtcNow());
        try
        {
            using var document = JsonDocument.Parse(payload);
            return Map(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new WebhookRejectedException("The event is not valid JSON.", ex);
        }
    }

    private static StripeEvent Map(JsonElement root)
    {
        var id = Text(root, "id");
        var type = Text(root, "type");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            throw new WebhookRejectedException("The event has no id or type.");
        }

        var ignored = new StripeEvent { EventId = id, Type = type };
        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out var item) || item.ValueKind != JsonValueKind.Object)
        {
            return ignored;
        }

        var kind = Text(item, "object");
        return (type, kind) switch
        {
            ("payment_intent.succeeded", "payment_intent") => With(ignored, item, Text(item, "id"), PaymentProviderEventKind.Succeeded,
                Amount(Number(item, "amount_received") is > 0 and var received ? received : Number(item, "amount"), Text(item, "currency")), null),
            ("payment_intent.payment_failed", "payment_intent") => With(ignored, item, Text(item, "id"), PaymentProviderEventKind.Failed, null, FailureCode(item)),
            ("charge.refunded", "charge") when !string.IsNullOrEmpty(Text(item, "payment_intent")) => With(ignored, item, Text(item, "payment_intent"),
                PaymentProviderEventKind.Refunded, Amount(Number(item, "amount_refunded"), Text(item, "currency")), null),
            _ => ignored,
        };
    }

    private static StripeEvent With(StripeEvent read, JsonElement item, string? reference, PaymentProviderEventKind kind, Money? amount, string? failure) =>
        string.IsNullOrEmpty(reference) ? read : read with
        {
            OrderId = OrderId(item),
            Payment = new PaymentProviderEvent { EventId = read.EventId, Kind = kind, ProviderReference = reference, Amount = amount, FailureReason = failure },
        };

    private static string FailureCode(JsonElement intent) =>
        intent.TryGetProperty("last_payment_error", out var error) && error.ValueKind == JsonValueKind.Object
            ? Text(error, "code") ?? Text(error, "decline_code") ?? "payment_failed"
            : "payment_failed";

    private static Guid? OrderId(JsonElement item) =>
        item.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && Guid.TryParse(Text(metadata, OrderIdMetadataKey), out var orderId) ? orderId : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    private static Money? Amount(long amountMinor, string? currency) =>
        currency is { Length: 3 } && amountMinor >= 0 ? new Money(amountMinor, currency.ToUpperInvariant()) : null;
}
