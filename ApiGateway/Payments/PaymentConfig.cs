using System.Text.Json.Serialization;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// What the storefront needs to take a card: <c>{"provider": "test" | "stripe", "stripePublishableKey": "pk_..."}</c>;
/// the key only when Stripe is selected and a publishable key is configured.
/// </summary>
/// <param name="Provider"><c>test</c> or <c>stripe</c>.</param>
/// <param name="StripePublishableKey">Stripe's publishable key for Stripe.js, or null (left out of the JSON).</param>
public sealed record PaymentConfig(
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("stripePublishableKey"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StripePublishableKey)
{
    /// <summary>The configuration for the selected provider.</summary>
    public static PaymentConfig From(PaymentSettings payments, StripeWebhookSettings stripe)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(stripe);
        return payments.UsesStripe
            ? new PaymentConfig("stripe", string.IsNullOrWhiteSpace(stripe.PublishableKey) ? null : stripe.PublishableKey)
            : new PaymentConfig("test", null);
    }
}
