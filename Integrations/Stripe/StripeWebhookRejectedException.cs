namespace Shop.Integrations.Stripe;

/// <summary>A webhook request that is not a genuine, fresh Stripe event (missing or wrong signature, stale timestamp, bad body).</summary>
public sealed class StripeWebhookRejectedException(string message, Exception? inner = null) : Exception(message, inner);
