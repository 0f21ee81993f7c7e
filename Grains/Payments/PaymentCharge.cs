using Shop.Common;

namespace Shop.Grains.Payments;

/// <summary>A request to charge a card.</summary>
public sealed record PaymentCharge
{
    /// <summary>The provider's idempotency key (the order id): repeating a charge with it never charges twice.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The order paid for.</summary>
    public required Guid OrderId { get; init; }

    /// <summary>The customer.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary>The amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>The card token or payment method id from the storefront.</summary>
    public required string PaymentToken { get; init; }
}
