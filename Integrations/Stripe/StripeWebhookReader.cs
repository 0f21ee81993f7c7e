using global::Stripe;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Payments;

namespace Shop.Integrations.Stripe;

/// <summary>
/// Verifies a webhook request's <c>Stripe-Signature</c> (HMAC-SHA256 with the endpoint secret, timestamp within
/// <see cref="StripeOptions.WebhookTolerance"/> of the clock) and maps the handled event types to payment events:
/// <c>payment_intent.succeeded</c>, <c>payment_intent.payment_failed</c> and <c>charge.refunded</c>.
/// </summary>
public sealed class StripeWebhookReader(IOptions<StripeOptions> options, TimeProvider clock)
{
    /// <summary>Whether an endpoint secret is configured (without one every webhook is refused).</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.WebhookSecret);

    /// <summary>Verifies and reads one webhook request; throws <see cref="StripeWebhookRejectedException"/> when it is not genuine.</summary>
    public StripeWebhookEvent Read(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.WebhookSecret))
        {
            throw new StripeWebhookRejectedException("No webhook secret is configured.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new StripeWebhookRejectedException("The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            EventUtility.ValidateSignature(payload, signatureHeader, settings.WebhookSecret, (long)settings.WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds());
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is StripeException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidOperationException or InvalidCastException)
        {
            throw new StripeWebhookRejectedException(ex is StripeException ? ex.Message : "The event is not valid JSON.", ex);
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            throw new StripeWebhookRejectedException("The event has no id or type.");
        }

        return stripeEvent.Data?.Object switch
        {
            PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentSucceeded =>
                Map(stripeEvent, intent.Metadata, intent.Id, PaymentProviderEventKind.Succeeded, Amount(intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount, intent.Currency), null),
            PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentPaymentFailed =>
                Map(stripeEvent, intent.Metadata, intent.Id, PaymentProviderEventKind.Failed, null, intent.LastPaymentError?.Code ?? intent.LastPaymentError?.DeclineCode ?? "payment_failed"),
            Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded && !string.IsNullOrEmpty(charge.PaymentIntentId) =>
                Map(stripeEvent, charge.Metadata, charge.PaymentIntentId, PaymentProviderEventKind.Refunded, Amount(charge.AmountRefunded, charge.Currency), null),
            _ => new StripeWebhookEvent { EventId = stripeEvent.Id, Type = stripeEvent.Type },
        };
    }

    private static StripeWebhookEvent Map(Event stripeEvent, Dictionary<string, string>? metadata, string reference, PaymentProviderEventKind kind, Money? amount, string? failure) => new()
    {
        EventId = stripeEvent.Id,
        Type = stripeEvent.Type,
        OrderId = metadata is not null && metadata.TryGetValue(StripePaymentGateway.OrderIdMetadataKey, out var id) && Guid.TryParse(id, out var orderId) ? orderId : null,
        Payment = new PaymentProviderEvent { EventId = stripeEvent.Id, Kind = kind, ProviderReference = reference, Amount = amount, FailureReason = failure },
    };

    private static Money? Amount(long amountMinor, string? currency) =>
        currency is { Length: 3 } && amountMinor >= 0 ? new Money(amountMinor, currency.ToUpperInvariant()) : null;
}
