using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t=unix-seconds,v1=hex(HMAC-SHA256(secret, "t.body"))</c>, one or
/// more <c>v1</c>. Checked here rather than with Stripe's SDK, so the gateway carries no Stripe client.
/// </summary>
public static class StripeSignature
{
    /// <summary>Throws <see cref="WebhookRejectedException"/> unless a <c>v1</c> signature matches and is within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static void Verify(string payload, string header, string secret, TimeSpan tolerance, DateTimeOffset now)
    {
        var parts = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToLookup(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!long.TryParse(parts["t"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new WebhookRejectedException("The Stripe-Signature header has no timestamp.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        if (!parts["v1"].Any(signature => Matches(signature, expected)))
        {
            throw new WebhookRejectedException("No signature matches the expected signature for the payload.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)tolerance.TotalSeconds)
        {
            throw new WebhookRejectedException("The timestamp is outside the tolerance zone.");
        }
    }

    private static bool Matches(string hex, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
