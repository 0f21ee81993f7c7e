using Shop.Payments;

namespace Shop.ApiGateway.Payments;

/// <summary>A verified Stripe event: its id and type, and for the handled types the order and the payment event.</summary>
public sealed record StripeEvent
{
    /// <summary>Stripe's event id (<c>evt_...</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>Stripe's event type, e.g. <c>payment_intent.succeeded</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The payment event, or null for a type Shop does not handle (acknowledged and ignored).</summary>
    public PaymentProviderEvent? Payment { get; init; }

    /// <summary>The order from the object's <c>order_id</c> metadata, when it carries one.</summary>
    public Guid? OrderId { get; init; }
}
