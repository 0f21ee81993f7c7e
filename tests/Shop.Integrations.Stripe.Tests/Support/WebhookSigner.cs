using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Shop.Integrations.Stripe.Tests.Support;

/// <summary>Signs webhook payloads the way Stripe documents it: <c>t=TIMESTAMP,v1=HEX(HMAC-SHA256(secret, "t.payload"))</c>.</summary>
public static class WebhookSigner
{
    /// <summary>The endpoint secret the tests configure.</summary>
    public const string Secret = "whsec_testsecret0123456789";

    /// <summary>A Stripe-Signature header for the payload, signed at <paramref name="at"/>.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = Secret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>An event envelope as Stripe sends it, around a data object.</summary>
    public static string Event(string eventId, string type, JsonObject dataObject) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2025-01-27.acacia",
        ["created"] = 1_700_000_000,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();
}
