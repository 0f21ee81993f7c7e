using System.Text;
using Microsoft.Extensions.Options;
using Shop.ApiGateway.Errors;
using Shop.Payments;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// The payment endpoints that are not gRPC: the storefront's payment configuration, and Stripe's webhook, which must
/// see the raw body to check its signature.
/// </summary>
public static partial class PaymentEndpoints
{
    /// <summary>The webhook route.</summary>
    public const string WebhookRoute = "/v1/payments/stripe/webhook";

    /// <summary>The largest webhook body accepted (Stripe's events are a few KiB).</summary>
    public const int MaxWebhookBytes = 256 * 1024;

    /// <summary>Registers the options and the webhook reader.</summary>
    public static IServiceCollection AddShopPayments(this IServiceCollection services)
    {
        services.AddShopOptions<PaymentSettings>(PaymentSettings.Section);
        services.AddShopOptions<StripeWebhookSettings>(StripeWebhookSettings.Section);
        services.AddSingleton<StripeWebhookReader>();
        services.AddEndpointsApiExplorer();
        return services;
    }

    /// <summary>Maps <c>GET /v1/payments/config</c> and <c>POST /v1/payments/stripe/webhook</c> (both anonymous).</summary>
    public static WebApplication MapShopPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/v1/payments/config", (IOptions<PaymentSettings> payments, IOptions<StripeWebhookSettings> stripe) =>
                PaymentConfig.From(payments.Value, stripe.Value))
            .AllowAnonymous()
            .WithTags("Payments")
            .WithSummary("Which payment provider the storefront uses, and Stripe's publishable key when it is Stripe.")
            .Produces<PaymentConfig>();
        app.MapPost(WebhookRoute, ReceiveWebhook)
            .AllowAnonymous()
            .WithTags("Payments")
            .WithSummary("Stripe webhook: payment_intent.succeeded, payment_intent.payment_failed and charge.refunded, signed with the endpoint secret (Stripe-Signature).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ReceiveWebhook(HttpContext http, StripeWebhookReader reader, IGrainFactory grains, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(PaymentEndpoints));
        if (!reader.IsConfigured)
        {
            return Refuse(http, StatusCodes.Status404NotFound, "payments.webhook_not_configured");
        }

        var payload = await ReadBody(http);
        if (payload is null)
        {
            return Refuse(http, StatusCodes.Status413PayloadTooLarge, "payments.webhook_too_large");
        }

        StripeEvent received;
        try
        {
            received = reader.Read(payload, http.Request.Headers["Stripe-Signature"].ToString());
        }
        catch (WebhookRejectedException ex)
        {
            LogRejected(logger, ex.Message);
            return Refuse(http, StatusCodes.Status400BadRequest, "payments.webhook_signature_invalid");
        }

        if (received.Payment is not { } payment)
        {
            return Results.Ok(new { received = true });
        }

        var orderId = received.OrderId ?? await grains.GetGrain<IPaymentReferenceGrain>(payment.ProviderReference).GetOrderId();
        if (orderId is not { } order)
        {
            LogUnrouted(logger, received.EventId, received.Type);
            return Results.Ok(new { received = true });
        }

        var changed = await grains.GetGrain<IPaymentGrain>(order).HandleProviderEvent(payment);
        LogHandled(logger, received.EventId, received.Type, order, changed);
        return Results.Ok(new { received = true });
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaxWebhookBytes"/>.</summary>
    private static async Task<string?> ReadBody(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxWebhookBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>An error status whose problem+json body (written by <see cref="ProblemJsonMiddleware"/>) carries the code.</summary>
    private static IResult Refuse(HttpContext http, int status, string code)
    {
        http.Items[typeof(GatewayError)] = new GatewayError(code, null);
        return Results.StatusCode(status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe event {EventId} ({Type}) names no known order; acknowledged and ignored.")]
    private static partial void LogUnrouted(ILogger logger, string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) for order {OrderId} handled (changed: {Changed}).")]
    private static partial void LogHandled(ILogger logger, string eventId, string type, Guid orderId, bool changed);
}
