using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Stripe webhook deliveries as Stripe documents them: an event envelope, signed <c>t=...,v1=HMAC</c>.</summary>
public static class StripeEvents
{
    /// <summary>The endpoint secret the test app is configured with.</summary>
    public const string WebhookSecret = "whsec_gatewaytests0123456789";

    /// <summary>A payment_intent.* event for the test gateway's PaymentIntent of an order.</summary>
    public static string PaymentIntent(string type, string orderId, string status, string? eventId = null) => Envelope(eventId, type, new JsonObject
    {
        ["id"] = $"pi_test_{Guid.Parse(orderId):N}",
        ["object"] = "payment_intent",
        ["amount"] = 1999,
        ["amount_received"] = status == "succeeded" ? 1999 : 0,
        ["currency"] = "eur",
        ["status"] = status,
        ["metadata"] = new JsonObject { ["order_id"] = orderId },
        ["last_payment_error"] = status == "succeeded" ? null : new JsonObject { ["type"] = "card_error", ["code"] = "payment_intent_authentication_failure" },
    });

    /// <summary>A charge.refunded event naming only the PaymentIntent (no order metadata).</summary>
    public static string ChargeRefunded(string orderId) => Envelope(null, "charge.refunded", new JsonObject
    {
        ["id"] = $"ch_{Guid.NewGuid():N}",
        ["object"] = "charge",
        ["amount"] = 1999,
        ["amount_refunded"] = 1999,
        ["currency"] = "eur",
        ["refunded"] = true,
        ["payment_intent"] = $"pi_test_{Guid.Parse(orderId):N}",
        ["metadata"] = new JsonObject(),
    });

    /// <summary>An event of a type Shop does not handle.</summary>
    public static string Other() => Envelope(null, "customer.created", new JsonObject { ["id"] = "cus_1", ["object"] = "customer" });

    /// <summary>The Stripe-Signature header of a payload signed at <paramref name="at"/> (now by default).</summary>
    public static Dictionary<string, string> Signature(string payload, DateTimeOffset? at = null, string secret = WebhookSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return new Dictionary<string, string> { ["Stripe-Signature"] = $"t={timestamp},v1={Convert.ToHexStringLower(mac)}" };
    }

    /// <summary>An event envelope as Stripe sends it, around a data object.</summary>
    public static string Event(string eventId, string type, JsonObject dataObject) => Envelope(eventId, type, dataObject);

    private static string Envelope(string? eventId, string type, JsonObject dataObject) => new JsonObject
    {
        ["id"] = eventId ?? $"evt_{Guid.NewGuid():N}",
        ["object"] = "event",
        ["api_version"] = "2025-01-27.acacia",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();
}
