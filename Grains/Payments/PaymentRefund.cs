using Shop.Common;

namespace Shop.Grains.Payments;

/// <summary>A request to give back a taken payment.</summary>
public sealed record PaymentRefund
{
    /// <summary>The provider's idempotency key (<c>refund-{orderId}</c>).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The provider's reference of the charge to refund.</summary>
    public required string ProviderReference { get; init; }

    /// <summary>The amount to give back.</summary>
    public required Money Amount { get; init; }
}
