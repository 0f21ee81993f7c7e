using System.Net;
using global::Stripe;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains.Payments;
using ChargeOutcome = Shop.Grains.Payments.ChargeOutcome;

namespace Shop.Integrations.Stripe;

/// <summary>
/// Card payments through Stripe PaymentIntents: one PaymentIntent per order, created and confirmed in one call with
/// the storefront's payment method and the order id as Idempotency-Key; refunds with key <c>refund-{orderId}</c>.
/// A decline answers <see cref="ChargeOutcome.Declined"/>; outages throw, and the saga retries with the same key.
/// </summary>
public sealed class StripePaymentGateway(IHttpClientFactory httpClients, IOptions<StripeOptions> options, ILogger<StripePaymentGateway> logger) : IPaymentGateway
{
    /// <summary>The metadata key that carries the order id on every PaymentIntent (webhooks are routed by it).</summary>
    public const string OrderIdMetadataKey = "order_id";

    /// <inheritdoc />
    public async Task<ChargeResult> Charge(PaymentCharge request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var create = new PaymentIntentCreateOptions
        {
            Amount = request.Amount.AmountMinor,
            Currency = request.Amount.Currency.ToLowerInvariant(),
            PaymentMethod = request.PaymentToken,
            Confirm = true,
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Description = $"Shop order {request.OrderId}",
            Metadata = new Dictionary<string, string>
            {
                [OrderIdMetadataKey] = request.OrderId.ToString(),
                ["customer_id"] = request.CustomerId.ToString(),
            },
        };
        try
        {
            var intent = await new PaymentIntentService(Client()).CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken);
            return FromIntent(intent);
        }
        catch (StripeException ex) when (IsDecline(ex))
        {
            var reason = ex.StripeError?.Code ?? ex.StripeError?.DeclineCode ?? "card_declined";
            logger.LogInformation("Order {OrderId}: Stripe declined the charge ({Reason}).", request.OrderId, reason);
            return new ChargeResult { Outcome = ChargeOutcome.Declined, ProviderReference = ex.StripeError?.PaymentIntent?.Id, DeclineReason = reason };
        }
    }

    /// <inheritdoc />
    public async Task<RefundResult> Refund(PaymentRefund request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var create = new RefundCreateOptions { PaymentIntent = request.ProviderReference, Amount = request.Amount.AmountMinor };
        try
        {
            var refund = await new RefundService(Client()).CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken);
            return refund.Status is "succeeded" or "pending"
                ? new RefundResult { Succeeded = true, ProviderReference = refund.Id }
                : new RefundResult { Succeeded = false, ProviderReference = refund.Id, FailureReason = refund.FailureReason ?? refund.Status };
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "charge_already_refunded")
        {
            return new RefundResult { Succeeded = true };
        }
        catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.BadRequest)
        {
            return new RefundResult { Succeeded = false, FailureReason = ex.StripeError?.Code ?? "refund_refused" };
        }
    }

    /// <summary>What a PaymentIntent's status means for the order.</summary>
    internal static ChargeResult FromIntent(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => new ChargeResult { Outcome = ChargeOutcome.Succeeded, ProviderReference = intent.Id },
        // "processing" finishes by webhook just like a charge waiting for 3-D Secure.
        "requires_action" or "processing" => new ChargeResult
        {
            Outcome = ChargeOutcome.RequiresAction,
            ProviderReference = intent.Id,
            ClientSecret = intent.ClientSecret,
        },
        _ => new ChargeResult
        {
            Outcome = ChargeOutcome.Declined,
            ProviderReference = intent.Id,
            DeclineReason = intent.LastPaymentError?.Code ?? intent.LastPaymentError?.DeclineCode ?? intent.Status,
        },
    };

    /// <summary>A card error (402), or a payment method Stripe does not know (400 on <c>payment_method</c>).</summary>
    private static bool IsDecline(StripeException ex) =>
        ex.StripeError?.Type == "card_error"
        || (ex.HttpStatusCode == HttpStatusCode.BadRequest && ex.StripeError?.Param == "payment_method");

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };

    private StripeClient Client()
    {
        var settings = options.Value;
        var http = new SystemNetHttpClient(httpClients.CreateClient(StripeHttp.ClientName), maxNetworkRetries: 0, appInfo: null, enableTelemetry: false);
        return new StripeClient(settings.SecretKey, httpClient: http, apiBase: settings.ApiBase);
    }
}
